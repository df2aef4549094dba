// What a coordinator (e.g. createRedisCoordinator from `@iodm-northbound/client/redis`) offers
// the client: a token source shared by every process of one application, and a call budget.
// Types only, so the main entry point never loads a Redis library.
import type { TokenEndpoints, TokenSource } from '../internal/token-sources.js';
import type { NorthboundOperation } from '../core/errors.js';
import type { LogSink } from '../internal/log-sink.js';
import type { Redactor } from '../internal/redact.js';

/** At most `limit` calls in any `windowMs` (a sliding window), e.g. the platform's 100 per 60 000 ms. */
export interface RateLimitOptions {
  limit: number;
  windowMs: number;
}

/** The application a client talks for: what a coordinator namespaces its shared state by. */
export interface CoordinatedApplication {
  baseUrl: string;
  appId: string;
  log: LogSink;
}

export interface TokenSourceContext extends CoordinatedApplication {
  /** Used to log in and to derive the key tokens are sealed with; never stored or sent elsewhere. */
  secret: string;
  endpoints: TokenEndpoints;
  redactor: Redactor;
}

/** One call's place in the budget; `settle` once its answer is in (or it failed). */
export interface CallPermit {
  settle(): Promise<void>;
}

export interface CallBudget {
  /** Waits until the budget has room, at most `timeoutMs`, aborting with `signal`. */
  take(operation: NorthboundOperation, timeoutMs: number, signal: AbortSignal | undefined): Promise<CallPermit>;
}

/**
 * Shares tokens and the call budget between clients, across processes. Implemented by
 * `createRedisCoordinator`; the client calls these, an application does not.
 */
export interface NorthboundCoordinator {
  createTokenSource(context: TokenSourceContext): TokenSource;
  createCallBudget(application: CoordinatedApplication, rateLimit: RateLimitOptions): CallBudget;
}
