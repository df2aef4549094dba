// Validation-proxy mode: Prism validates the request and the upstream's answer; the request
// itself goes out through upstream.ts only (Prism's own forwarder follows redirects and
// re-serialises bodies, so it is replaced).
import { createLogger } from '@stoplight/prism-core';
import { createInstance, type IHttpRequest } from '@stoplight/prism-http';
import { isLeft, left, right } from 'fp-ts/lib/Either.js';
import { headerSafe, MAX_BODY_BYTES, problemAnswer, type Answer, type IncomingCall } from './http.js';
import type { CallHandler, HandledCall } from './mock-handler.js';
import { findOperation } from './route.js';
import type { ProxyOptions, ResolvedOptions } from './options.js';
import type { LoadedSpec } from './spec.js';
import { callUpstream, UpstreamError } from './upstream.js';
import { reportViolations } from './violations.js';

const MAX_REASON_HEADER_CHARS = 1024;

type PrismComponents = NonNullable<Parameters<typeof createInstance>[1]>;

export function createProxyHandler(spec: LoadedSpec, options: ResolvedOptions, proxy: ProxyOptions): CallHandler {
  // Prism hands its forwarder the very request object it was given, so the raw body travels with it.
  const rawBodies = new WeakMap<IHttpRequest, string | undefined>();
  const forward: PrismComponents['forward'] =
    ({ data }) =>
    () =>
    async () => {
      try {
        const { method, url, headers } = data;
        return right(await callUpstream(proxy, { method, path: url.path, query: (url.query ?? {}) as Record<string, string | string[]>, headers: headers ?? {}, body: rawBodies.get(data) }));
      } catch (error) {
        return left(error as Error);
      }
    };
  const prism = createInstance(
    { errors: false, upstreamProxy: undefined, isProxy: true, upstream: proxy.upstream, checkSecurity: true, validateRequest: true, validateResponse: true, mock: { dynamic: false } },
    { logger: createLogger('PROXY', { level: 'silent' }), forward },
  );
  const { origin } = proxy.upstream;

  return async (call): Promise<HandledCall> => {
    const operation = findOperation(spec, call.method, call.path);
    return { answer: await answerFromUpstream(call), operationId: operation && (operation.iid ?? operation.id) };
  };

  async function answerFromUpstream(call: IncomingCall): Promise<Answer> {
    const label = `${call.method.toUpperCase()} ${call.path}`;
    if (call.bodyTooLarge) {
      // Never forwarded cut short: the upstream would see a different request.
      options.logger.info(`${label} -> 413 (body over ${MAX_BODY_BYTES} bytes, not forwarded)`);
      const reason = { 'x-mock-reason': `the request body is larger than ${MAX_BODY_BYTES} bytes` };
      return problemAnswer(413, 'REQUEST_TOO_LARGE', 'The request body is too large to forward', reason['x-mock-reason'], reason);
    }
    const input: IHttpRequest = { method: call.method as IHttpRequest['method'], url: { path: call.path, query: call.query }, headers: call.headers as Record<string, string>, body: call.body };
    rawBodies.set(input, call.bodyText);
    const result = await prism.request(input, spec.operations)();
    if (isLeft(result)) {
      const error = result.left;
      const upstreamError = error instanceof UpstreamError ? error : undefined;
      const extra =
        upstreamError?.kind === 'invalid-json'
          ? reportViolations(options, { method: call.method, path: call.path, request: [], response: [{ path: ['body'], severity: 0, code: 'invalid-json', message: error.message }] })
          : {};
      options.logger.error(`${label} -> upstream ${origin} failed: ${error.message}`);
      const status = upstreamError?.status ?? (error as { status?: number }).status ?? 502;
      const headers = { ...extra, 'x-mock-reason': headerSafe(`upstream ${upstreamError?.kind ?? 'failed'}: ${error.message}`, MAX_REASON_HEADER_CHARS) };
      return problemAnswer(status, 'UPSTREAM_FAILED', `The upstream ${origin} could not be used`, error.message, headers);
    }
    const { output, validations } = result.right;
    const violationHeaders = reportViolations(options, { method: call.method, path: call.path, request: validations.input, response: validations.output });
    options.logger.info(`${label} -> ${output.statusCode} from ${origin}`);
    return { statusCode: output.statusCode, headers: { ...(output.headers as Record<string, string>), ...violationHeaders }, body: output.body };
  }
}
