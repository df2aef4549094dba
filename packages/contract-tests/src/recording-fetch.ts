// A fetch for the client's `fetch` option that records every exchange, checks every response
// against the contract, and can add scenario headers or tamper with a request on its way out.
import type { FetchLike } from '@iodm-northbound/client';
import type { ResponseValidator } from './schema.js';

export interface RecordedExchange {
  readonly method: string;
  readonly url: URL;
  readonly requestHeaders: Headers;
  /** The request body as text (test traffic only: it may hold the secret). */
  readonly requestBody: string | undefined;
  readonly operationId: string | undefined;
  readonly status: number;
  readonly contentType: string | null;
  readonly body: unknown;
  /** How the response departs from the contract; empty when it conforms. */
  readonly schemaErrors: readonly string[];
}

export interface RecordingFetchOptions {
  validator: ResponseValidator;
  /** `Prefer` value to send, by operationId (`queryUpgradeSubTask`, `getAuthToken`, `refreshAuthToken`). */
  prefer?: Readonly<Record<string, string>>;
  /** Changes a request before it is sent, to play a client that does not check its input. */
  tamper?: (url: URL, headers: Headers, operationId: string | undefined) => void;
  /** Changes a JSON request body before it is sent (a create body the client would refuse). */
  tamperBody?: (body: Record<string, unknown>, operationId: string | undefined) => Record<string, unknown>;
  fetch?: FetchLike;
}

export interface RecordingFetch {
  readonly fetch: FetchLike;
  readonly exchanges: RecordedExchange[];
}

export function createRecordingFetch(options: RecordingFetchOptions): RecordingFetch {
  const { validator, prefer = {}, tamper, tamperBody } = options;
  const send: FetchLike = options.fetch ?? ((request) => globalThis.fetch(request));
  const exchanges: RecordedExchange[] = [];

  const recordingFetch: FetchLike = async (original) => {
    const url = new URL(original.url);
    const headers = new Headers(original.headers);
    const operationId = validator.operationFor(original.method, url.pathname);
    const scenario = operationId === undefined ? undefined : prefer[operationId];
    if (scenario !== undefined) headers.set('prefer', scenario);
    tamper?.(url, headers, operationId);
    let body = original.method === 'GET' || original.method === 'HEAD' ? undefined : await original.arrayBuffer();
    if (body !== undefined && tamperBody !== undefined && /\bjson\b/i.test(headers.get('content-type') ?? '')) {
      const changed = tamperBody(JSON.parse(new TextDecoder().decode(body)) as Record<string, unknown>, operationId);
      body = new TextEncoder().encode(JSON.stringify(changed)).buffer as ArrayBuffer;
    }
    const request = new Request(url, { method: original.method, headers, body, signal: original.signal, redirect: original.redirect });

    const response = await send(request);
    const text = await response.clone().text();
    const contentType = response.headers.get('content-type');
    let parsed: unknown = text;
    if (/\bjson\b/i.test(contentType ?? '') && text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        // Left as text: the schema check reports a string where an object was documented.
      }
    }
    const check = validator.check({ method: request.method, path: url.pathname, status: response.status, contentType, body: parsed });
    exchanges.push({
      method: request.method,
      url,
      requestHeaders: headers,
      requestBody: body === undefined ? undefined : new TextDecoder().decode(body),
      operationId: check.operationId,
      status: response.status,
      contentType,
      body: parsed,
      schemaErrors: check.errors,
    });
    return response;
  };
  return { fetch: recordingFetch, exchanges };
}
