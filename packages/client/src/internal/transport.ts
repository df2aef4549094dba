// Picks the fetch the client sends with: the caller's, or else the fetch of the `undici` package
// (on Node 20 it costs about a third less CPU per request than the built-in fetch, an older
// bundled undici). For custom TLS material it gets an undici Agent, which must come from the
// same undici as the fetch it is given to: Node's bundled copy and the package are separate.
import { Agent, fetch as undiciFetch } from 'undici';
import { ValidationError } from '../core/errors.js';

export type FetchLike = (request: Request) => Promise<Response>;

type PemMaterial = string | Uint8Array | ReadonlyArray<string | Uint8Array>;

/**
 * TLS material for the platform's HTTPS endpoint. Certificate verification always stays on:
 * `ca` sets the trust anchors (the platform's CA), `cert`/`key` present a client certificate
 * (mutual TLS). There is deliberately no way to turn verification off.
 */
export interface NorthboundTlsOptions {
  /** PEM CA certificate(s) to trust; as in Node's `tls`, they replace the default trust store. */
  ca?: PemMaterial;
  /** PEM client certificate chain, for mutual TLS. */
  cert?: PemMaterial;
  /** PEM private key of the client certificate. */
  key?: PemMaterial;
  /** Passphrase of an encrypted `key`. */
  passphrase?: string;
}

export interface Transport {
  /** Sends a request the request builder built with `Request`; `headers` are its headers as the pipeline built them. */
  send(request: Request, headers: Readonly<Record<string, string>>): Promise<Response>;
  /** The class the request builder (request-builder.ts) builds each request with. */
  Request: typeof Request;
  /** Whether the request builder must put the headers into the request it builds (a caller's fetch reads them there). */
  headersInRequest: boolean;
  /**
   * Whether a Content-Length without a content coding is the exact size of the body: undici's
   * HTTP/1.1 framing reads no byte past it, while a caller's fetch may hand back any Response.
   */
  exactDeclaredLength: boolean;
  close(): Promise<void>;
}

/**
 * What the request builder (request-builder.ts) builds a request into when the client sends with
 * undici's fetch: the URL and init, kept as they are, so that the Fetch API's Request is built
 * once, inside fetch. A real Request here would be built twice (fetch copies a Request it is
 * given), and each build makes undici follow the abort signal again, which was most of the
 * client's per-request cost. Only `method` and `url` are read from it (the pipeline's log); a
 * caller's own fetch gets a real Request.
 */
class RequestDraft {
  readonly method: string;
  constructor(
    readonly url: string,
    readonly init: RequestInit,
  ) {
    this.method = init.method ?? 'GET';
  }
}
const draftAsRequest = RequestDraft as unknown as typeof Request;
const draftOf = (request: Request) => request as unknown as RequestDraft;

const allowedTlsKeys: ReadonlySet<string> = new Set(['ca', 'cert', 'key', 'passphrase']);

function toNodePem(material: PemMaterial | undefined, name: string): string | Buffer | Array<string | Buffer> | undefined {
  if (material === undefined) return undefined;
  const one = (value: string | Uint8Array): string | Buffer => {
    if (typeof value === 'string') return value;
    if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    throw new ValidationError(`tls.${name}`, `tls.${name} must be PEM text or bytes`, null);
  };
  return Array.isArray(material) ? material.map(one) : one(material as string | Uint8Array);
}

export function createTransport(customFetch: FetchLike | undefined, tls: NorthboundTlsOptions | undefined): Transport {
  if (tls !== undefined) checkTls(tls, customFetch);
  if (customFetch) {
    return { send: (request) => customFetch(request), Request: globalThis.Request, headersInRequest: true, exactDeclaredLength: false, close: () => Promise.resolve() };
  }
  // Without tls, no dispatcher of our own: undici's global dispatcher then applies, so a proxy
  // set with setGlobalDispatcher keeps working.
  const agent = tls === undefined ? undefined : new Agent({ connect: connectOptions(tls) });
  type UndiciInit = NonNullable<Parameters<typeof undiciFetch>[1]>;
  const sendDraft: Transport['send'] = (request, headers) => {
    const { url, init } = draftOf(request);
    // The init is the request builder's own, built for this request (with no headers: they come
    // here as a plain object, which undici takes as is, where a Headers object would be copied
    // entry by entry).
    const undiciInit = init as UndiciInit;
    undiciInit.headers = headers;
    if (agent) undiciInit.dispatcher = agent;
    return undiciFetch(url, undiciInit) as unknown as Promise<Response>;
  };
  return { send: sendDraft, Request: draftAsRequest, headersInRequest: false, exactDeclaredLength: true, close: () => agent?.close() ?? Promise.resolve() };
}

function checkTls(tls: NorthboundTlsOptions, customFetch: FetchLike | undefined): void {
  if (typeof tls !== 'object' || tls === null) {
    throw new ValidationError('tls', 'tls must be an object { ca, cert, key }', null);
  }
  for (const key of Object.keys(tls)) {
    if (!allowedTlsKeys.has(key)) {
      // Mostly `rejectUnauthorized: false` copied from the Python SDK's verify=False.
      throw new ValidationError(`tls.${key}`, `tls.${key} is not supported: only ca, cert, key and passphrase (verification cannot be turned off)`, null);
    }
  }
  if (customFetch) {
    throw new ValidationError('tls', 'pass either a custom fetch or tls options, not both: a custom fetch brings its own TLS setup', null);
  }
  if ((tls.cert === undefined) !== (tls.key === undefined)) {
    throw new ValidationError('tls', 'tls.cert and tls.key go together (mutual TLS needs both)', null);
  }
}

function connectOptions(tls: NorthboundTlsOptions) {
  return {
    ca: toNodePem(tls.ca, 'ca'),
    cert: toNodePem(tls.cert, 'cert'),
    key: toNodePem(tls.key, 'key'),
    passphrase: tls.passphrase,
    rejectUnauthorized: true,
  };
}
