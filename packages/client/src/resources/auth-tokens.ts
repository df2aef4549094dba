// Login and token refresh (`getAuthToken`, `refreshAuthToken`): the two calls the token source
// makes. Sent without app_key or Authorization and never retried on their own.
import type { AuthOutDTO } from '@iodm-northbound/types';
import type { Endpoint } from '../internal/pipeline.js';
import { minCredentialLength } from '../internal/redact.js';
import { isHeaderSafeToken } from '../internal/validation.js';

interface LoginInput {
  appId: string;
  secret: string;
}
interface RefreshInput extends LoginInput {
  refreshToken: string;
}

const loginPath = '/iocm/app/sec/v1.1.0/login';
const refreshPath = '/iocm/app/sec/v1.1.0/refreshToken';

function tokenProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'not a JSON object';
  const issued = value as Record<string, unknown>;
  for (const name of ['accessToken', 'refreshToken'] as const) {
    const token = issued[name];
    if (!isHeaderSafeToken(token)) return `${name} missing or not a token`;
    // A token too short to redact could leak into errors and logs.
    if (token.length < minCredentialLength) return `${name} shorter than ${minCredentialLength} characters`;
  }
  if (typeof issued.expiresIn !== 'number' || !(issued.expiresIn > 0) || !Number.isFinite(issued.expiresIn)) {
    return 'expiresIn missing or not a positive number';
  }
  return undefined;
}

function readIssuedToken(body: unknown): { value: AuthOutDTO } | { problem: string } {
  const problem = tokenProblem(body);
  return problem === undefined ? { value: body as AuthOutDTO } : { problem: `token response is malformed: ${problem}` };
}

export const loginEndpoint: Endpoint<LoginInput, AuthOutDTO> = {
  operation: 'getAuthToken',
  authorised: false,
  retried: false,
  quotesBody: false,
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
  send: (api, { appId, secret }, init) =>
    api.POST(loginPath, { body: { appId, secret }, bodySerializer: (form) => new URLSearchParams(form).toString(), ...init }),
  read: readIssuedToken,
};

export const refreshEndpoint: Endpoint<RefreshInput, AuthOutDTO> = {
  operation: 'refreshAuthToken',
  authorised: false,
  retried: false,
  quotesBody: false,
  headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
  send: (api, { appId, secret, refreshToken }, init) => api.POST(refreshPath, { body: { appId, secret, refreshToken }, ...init }),
  read: readIssuedToken,
};
