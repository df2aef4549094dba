// What createNorthboundClient takes: the credentials (a secret the client logs in with, or a
// token the caller manages) and the client's options.
import type { NorthboundCoordinator, RateLimitOptions } from '../coordination/types.js';
import type { FetchLike, NorthboundTlsOptions } from '../internal/transport.js';
import type { NorthboundLogger } from './logging.js';

/** Log in with the application's secret (the client then manages tokens itself)… */
export interface SecretCredentials {
  /** `https://{platformIp}:{platformPort}`, e.g. `https://203.0.113.10:8743`. */
  baseUrl: string;
  appId: string;
  secret: string;
  accessToken?: never;
}
/** …or use an access token obtained elsewhere (never renewed by the client). */
export interface AccessTokenCredentials {
  baseUrl: string;
  appId: string;
  accessToken: string;
  secret?: never;
}
/** What {@link createNorthboundClient} logs in with: a secret, or a token managed elsewhere. */
export type NorthboundCredentials = SecretCredentials | AccessTokenCredentials;

/** Options of {@link createNorthboundClient}; every one is optional. */
export interface NorthboundClientOptions {
  /** Time limit of one attempt (connect, headers and body, and a login it waits for), in ms. Default 30 000. */
  timeoutMs?: number;
  /** Default time limit of a whole call (every attempt and the pauses between them), in ms. Default: none. */
  totalTimeoutMs?: number;
  /** Retries after the first attempt, for throttling, 5xx, connection errors and timeouts. Default 2. */
  maxRetries?: number;
  /** Largest decoded response body (error bodies too), in bytes. Default 4 MiB. */
  maxResponseBytes?: number;
  /** A fetch to send with, e.g. to record or proxy requests. Receives a `Request`. */
  fetch?: FetchLike;
  /** CA and client certificate for the platform's HTTPS endpoint (Node). Verification stays on. */
  tls?: NorthboundTlsOptions;
  /** Receives one entry per request, response, retry and login; never a token or the secret. */
  logger?: NorthboundLogger;
  /** At most `limit` calls in any `windowMs`; calls wait for room (within timeoutMs, totalTimeoutMs and signal). With a coordinator, for the whole fleet. */
  rateLimit?: RateLimitOptions;
  /** Shares the token and the rateLimit budget across processes: `createRedisCoordinator()` of `@iodm-northbound/client/redis`. */
  coordinator?: NorthboundCoordinator;
}
