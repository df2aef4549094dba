// A fetch that records every request and answers from a handler: injected through the
// client's `fetch` option, so nothing global is patched.
export interface RecordedRequest {
  method: string;
  url: URL;
  /** The raw URL string, before any parsing. */
  href: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

export type Handler = (request: RecordedRequest, index: number) => Response | Promise<Response>;

export function recordingFetch(handler: Handler) {
  const requests: RecordedRequest[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const recorded: RecordedRequest = {
      method: request.method,
      url: new URL(request.url),
      href: request.url,
      headers,
      body: request.body ? await request.text() : '',
      signal: request.signal,
    };
    requests.push(recorded);
    return handler(recorded, requests.length - 1);
  };
  return { fetch, requests };
}

/** A fetch that only settles when the request is aborted, like a server that never answers. */
export function hangingFetch() {
  const requests: Request[] = [];
  const fetch = (request: Request): Promise<Response> => {
    requests.push(request);
    return new Promise((_, reject) => {
      request.signal.addEventListener('abort', () => reject(request.signal.reason ?? new Error('aborted')), { once: true });
    });
  };
  return { fetch, requests };
}

export const isLogin = (request: RecordedRequest) => request.url.pathname === '/iocm/app/sec/v1.1.0/login';
export const isRefresh = (request: RecordedRequest) => request.url.pathname === '/iocm/app/sec/v1.1.0/refreshToken';
