// A recording fetch that behaves like the platform's token rules: each login or refresh issues
// a new token and invalidates every earlier one, and a query with any other token gets
// 403/1010005. Counting logins and seeing which token each query carried is then enough to
// tell single-flight from racing logins.
import type { AuthOutDTO } from '@iodm-northbound/types';
import { appId, errorResponse, page, platformErrors, secret, tokenResponse } from './platform-fixtures.js';
import { isLogin, isRefresh, recordingFetch, type RecordedRequest } from './recording-fetch.js';

export interface TokenPlatformOptions {
  expiresIn?: number;
  /** Delay before the login answer, so that concurrent callers overlap with it. */
  loginDelayMs?: number;
  /** Overrides the answer to a login or refresh (return undefined for the normal one). */
  onTokenRequest?: (request: RecordedRequest, kind: 'login' | 'refresh') => Response | undefined;
}

export function tokenPlatform(options: TokenPlatformOptions = {}) {
  let issued = 0;
  let current: AuthOutDTO | undefined;
  const issue = () => {
    issued += 1;
    current = tokenResponse(issued, options.expiresIn ?? 3600);
    return Response.json(current);
  };
  const recorder = recordingFetch(async (request) => {
    if (isLogin(request) || isRefresh(request)) {
      const kind = isLogin(request) ? 'login' : 'refresh';
      if (options.loginDelayMs) await new Promise((resolve) => setTimeout(resolve, options.loginDelayMs));
      const override = options.onTokenRequest?.(request, kind);
      if (override) return override;
      if (kind === 'login') {
        const form = new URLSearchParams(request.body);
        if (form.get('appId') !== appId || form.get('secret') !== secret) return errorResponse(platformErrors.requiredParameterEmpty);
      } else {
        const body = JSON.parse(request.body) as Record<string, string>;
        if (body.refreshToken !== current?.refreshToken) return errorResponse(platformErrors.invalidToken);
      }
      return issue();
    }
    if (request.headers.authorization !== `Bearer ${current?.accessToken}`) return errorResponse(platformErrors.invalidToken);
    return Response.json(page(Number(request.url.searchParams.get('pageNo') ?? 0), 10, 25));
  });
  return {
    fetch: recorder.fetch,
    requests: recorder.requests,
    logins: () => recorder.requests.filter(isLogin),
    refreshes: () => recorder.requests.filter(isRefresh),
    queries: () => recorder.requests.filter((request) => !isLogin(request) && !isRefresh(request)),
    /** Invalidates the current token, as a login by another client of the same app would. */
    revokeCurrentToken: () => {
      issued += 1;
      current = tokenResponse(issued);
    },
  };
}
