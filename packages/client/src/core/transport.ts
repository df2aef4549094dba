// Picks the fetch the client sends with: the caller's, Node's global one, or, for custom TLS
// material, undici's fetch with an undici Agent. The Agent must come from the same undici as
// the fetch it is given to (Node's bundled undici and the npm package are separate copies), so
// both come from the `undici` package, along with its Request class.
import { Agent, fetch as undiciFetch, Request as UndiciRequest } from 'undici';
import { ValidationError } from './errors.js';

export type FetchLike = (request: Request) => Promise<Response>;

type PemMaterial = string | Uint8Array | ReadonlyArray<string | Uint8Array>;

/**
 * TLS material for the platform's HTTPS endpoint. Certificate verification always stays on:
 * `ca` adds trust anchors (the platform's CA), `cert`/`key` present a client certificate
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
  fetch: FetchLike;
  Request: typeof Request;
  close(): Promise<void>;
}

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
  if (tls === undefined) {
    const fetchImpl: FetchLike = customFetch ?? ((request) => globalThis.fetch(request));
    return { fetch: fetchImpl, Request: globalThis.Request, close: () => Promise.resolve() };
  }
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
  const agent = new Agent({
    connect: {
      ca: toNodePem(tls.ca, 'ca'),
      cert: toNodePem(tls.cert, 'cert'),
      key: toNodePem(tls.key, 'key'),
      passphrase: tls.passphrase,
      rejectUnauthorized: true,
    },
  });
  const fetchImpl: FetchLike = (request) =>
    undiciFetch(request as unknown as Parameters<typeof undiciFetch>[0], { dispatcher: agent }) as unknown as Promise<Response>;
  return {
    fetch: fetchImpl,
    Request: UndiciRequest as unknown as typeof Request,
    close: () => agent.close(),
  };
}
