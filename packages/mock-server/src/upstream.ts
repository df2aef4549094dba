// The proxy's only way out: one request to the configured upstream origin, nothing else. Redirects
// are never followed (a 3xx goes back to the caller as it came), the whole exchange has a time
// limit, and the body is read with a bound on its decoded size, whatever its content encoding.
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { posix } from 'node:path';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Transform } from 'node:stream';
import type { ProxyOptions } from './options.js';

/** Why the upstream could not be used; `status` is what the caller gets. */
export class UpstreamError extends Error {
  override name = 'UpstreamError';
  constructor(
    readonly status: number,
    /** `unreachable`, `timeout`, `too-large`, `encoding` or `invalid-json`. */
    readonly kind: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

interface UpstreamRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The caller's body exactly as it came, never re-serialised. */
  readonly body: string | undefined;
}

interface UpstreamResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

// Hop-by-hop (RFC 9110 section 7.6.1) and what this proxy recomputes itself.
const NOT_FORWARDED = new Set(['host', 'connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'trailers', 'transfer-encoding', 'upgrade', 'content-length', 'accept-encoding']);
const NOT_RETURNED = new Set([...NOT_FORWARDED, 'content-encoding']);
const DECODERS: Record<string, () => Transform> = { gzip: createGunzip, 'x-gzip': createGunzip, deflate: createInflate, br: createBrotliDecompress };

export function callUpstream(proxy: ProxyOptions, call: UpstreamRequest): Promise<UpstreamResponse> {
  const { upstream } = proxy;
  const search = new URLSearchParams(Object.entries(call.query).flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((v) => [key, v]))).toString();
  // Joined as a path, never resolved as a URL: "//other-host/x" stays on the upstream's origin.
  const path = `${posix.join(upstream.pathname || '/', call.path)}${search ? `?${search}` : ''}`;
  const headers: OutgoingHttpHeaders = { 'accept-encoding': Object.keys(DECODERS).join(', ') };
  for (const [name, value] of Object.entries(call.headers)) if (value !== undefined && !NOT_FORWARDED.has(name.toLowerCase())) headers[name] = value;
  if (call.body !== undefined) headers['content-length'] = Buffer.byteLength(call.body);
  const send = upstream.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<UpstreamResponse>((resolve, reject) => {
    let timedOut = false;
    const req = send({ protocol: upstream.protocol, hostname: upstream.hostname.replace(/^\[|\]$/g, ''), port: upstream.port || undefined, path, method: call.method.toUpperCase(), headers }, (res) => {
      readResponse(res, proxy.maxBodyBytes).then(resolve, (error: unknown) => {
        req.destroy();
        reject(timedOut ? timeoutError(proxy) : error);
      });
    });
    const timer = setTimeout(() => {
      timedOut = true;
      req.destroy(timeoutError(proxy));
    }, proxy.timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', (error) => {
      reject(error instanceof UpstreamError ? error : new UpstreamError(502, 'unreachable', `the upstream ${upstream.origin} could not be reached: ${error.message}`, { cause: error }));
    });
    req.end(call.body);
  });
}

function timeoutError(proxy: ProxyOptions): UpstreamError {
  return new UpstreamError(504, 'timeout', `the upstream ${proxy.upstream.origin} did not answer completely within ${proxy.timeoutMs} ms`);
}

async function readResponse(res: IncomingMessage, maxBytes: number): Promise<UpstreamResponse> {
  const text = (await readBounded(res, maxBytes)).toString('utf8');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined && !NOT_RETURNED.has(name)) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const statusCode = res.statusCode ?? 502;
  const isJson = statusCode !== 204 && /^application\/([\w.+-]+\+)?json\b/i.test(res.headers['content-type'] ?? '');
  if (!isJson) return { statusCode, headers, body: text };
  try {
    return { statusCode, headers, body: text === '' ? undefined : JSON.parse(text) };
  } catch (error) {
    throw new UpstreamError(502, 'invalid-json', 'The upstream answered a JSON content type with a body that is not JSON', { cause: error });
  }
}

/** The decoded body, read no further than `maxBytes` (so a compression bomb costs at most that). */
async function readBounded(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const encoding = (res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decoder = encoding === 'identity' || encoding === '' ? undefined : DECODERS[encoding]?.();
  if (encoding !== 'identity' && encoding !== '' && !decoder) {
    res.destroy();
    throw new UpstreamError(502, 'encoding', `the upstream sent a body in the content encoding "${encoding}", which the proxy does not decode`);
  }
  const source = decoder ? res.pipe(decoder) : res;
  if (decoder) res.on('error', (error) => decoder.destroy(error));
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw new UpstreamError(502, 'too-large', `the upstream body is larger than ${maxBytes} bytes (decoded)`);
      chunks.push(chunk);
    }
  } catch (error) {
    res.destroy();
    decoder?.destroy();
    if (error instanceof UpstreamError) throw error;
    throw new UpstreamError(502, 'unreachable', `the upstream body could not be read: ${(error as Error).message}`, { cause: error });
  }
  return Buffer.concat(chunks);
}
