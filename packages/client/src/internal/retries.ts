// Retry policy: throttling (403/1010009, 429), 5xx, connection failures and timeouts are
// retried on idempotent calls, with exponential backoff and jitter, or after `Retry-After`.
import {
  AbortError,
  ConnectionError,
  type NorthboundError,
  ServerError,
  ThrottledError,
  TimeoutError,
  type NorthboundOperation,
} from '../core/errors.js';

export const defaultMaxRetries = 2;
const initialRetryDelayMs = 500;
const maxRetryDelayMs = 8_000;
/** A `Retry-After` longer than this is not slept through: the error goes to the caller. */
const maxRetryAfterMs = 60_000;

// A certificate the client does not trust will not become trusted by asking again.
const certificateErrorCode = /CERT|UNABLE_TO_(GET|VERIFY|DECRYPT)|SELF_SIGNED|ALTNAME/;

export function isRetryable(error: unknown): error is NorthboundError {
  if (error instanceof ConnectionError) return !(error.code !== undefined && certificateErrorCode.test(error.code));
  return error instanceof ThrottledError || error instanceof ServerError || error instanceof TimeoutError;
}

// Connection failures that happen before a request reaches the server: nothing was received.
const notConnectedCode = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT_TIMEOUT)$/;

/**
 * For a call that is not safe to repeat (a create, a delete): whether the platform surely did not
 * act on it. True when it was throttled (refused unprocessed), when the request never left the
 * client, or when the connection could not even be made. A timeout, a reset or a 5xx after the
 * request left is ambiguous: the platform may have acted.
 */
export function surelyUnprocessed(error: unknown, sent: boolean): boolean {
  if (error instanceof ThrottledError) return true;
  if (!sent) return true;
  return error instanceof ConnectionError && error.code !== undefined && notConnectedCode.test(error.code);
}

/** `Retry-After` as delta-seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its day and month; this keeps Date.parse from reading "-5" as a year.
  if (!/[a-z]{3}/i.test(value)) return undefined;
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * How long to wait before retry number `retriesDone + 1`. The server's `Retry-After` wins when
 * present; otherwise 0.5 s, 1 s, 2 s… capped at 8 s, each shortened by up to 25 % of jitter so
 * that clients throttled together do not come back together. Undefined means "do not retry".
 */
export function retryDelayMs(retriesDone: number, retryAfterMs: number | undefined, random: () => number = Math.random): number | undefined {
  if (retryAfterMs !== undefined) return retryAfterMs <= maxRetryAfterMs ? retryAfterMs : undefined;
  const base = Math.min(initialRetryDelayMs * 2 ** retriesDone, maxRetryDelayMs);
  return Math.round(base * (1 - random() * 0.25));
}

export function abortErrorFor(operation: NorthboundOperation | null, signal: AbortSignal): AbortError {
  return new AbortError(`${operation ?? 'request'} aborted by the caller`, { operation, cause: signal.reason });
}

/** Resolves after `ms`, or rejects with AbortError as soon as `signal` fires. */
export function sleep(ms: number, signal: AbortSignal | undefined, operation: NorthboundOperation | null): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortErrorFor(operation, signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortErrorFor(operation, signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Waits for `promise`, but gives up with AbortError when `signal` fires (the work itself goes on). */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, operation: NorthboundOperation | null): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortErrorFor(operation, signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortErrorFor(operation, signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
