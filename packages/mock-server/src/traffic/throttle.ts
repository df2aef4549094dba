// The platform's flow control: at most `limit` calls of one application (its app_key header) in
// any sliding window of `windowMs`; the rest are answered 403/1010009. Each call is decided
// synchronously (in the reject step, see reject.ts), so concurrent requests are counted exactly.
import { MockServerOptionsError } from '../errors.js';
import { PLATFORM_ERROR_CODES, platformAnswer } from '../platform-codes.js';

export interface ThrottleOptions {
  /** Calls of one app_key allowed in any window. The platform's default is 100… */
  limit: number;
  /** …per 60 000 ms (sliding). */
  windowMs: number;
}

/** The platform's answer to a call over the limit (REST reference, error 1010009). */
export const THROTTLED_ANSWER = platformAnswer(PLATFORM_ERROR_CODES.appThrottleExceeded);

const MAX_LIMIT = 1_000_000;
const MAX_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Applications remembered at once; the least recently seen is dropped beyond this. */
const MAX_APPS = 1_000;

export function checkThrottleOptions(value: unknown): ThrottleOptions | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) throw new MockServerOptionsError('throttle', 'must be { limit, windowMs }');
  const { limit, windowMs } = value as Record<string, unknown>;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new MockServerOptionsError('throttle', `limit must be an integer from 1 to ${MAX_LIMIT}, got ${String(limit)}`);
  }
  if (typeof windowMs !== 'number' || !Number.isInteger(windowMs) || windowMs < 1 || windowMs > MAX_WINDOW_MS) {
    throw new MockServerOptionsError('throttle', `windowMs must be an integer from 1 to ${MAX_WINDOW_MS}, got ${String(windowMs)}`);
  }
  return { limit, windowMs };
}

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** `--throttle 100/60s` → { limit: 100, windowMs: 60000 }. Units: ms, s, m (or min), h. */
export function parseThrottleOption(text: string): ThrottleOptions {
  const match = /^(\d{1,7})\/(\d{1,8})(ms|s|min|m|h)$/.exec(text.trim());
  if (!match) {
    throw new MockServerOptionsError('throttle', `must be <limit>/<window> with a unit (ms, s, m, h), e.g. 100/60s or 300/10s; got "${text}"`);
  }
  return checkThrottleOptions({ limit: Number(match[1]), windowMs: Number(match[2]) * UNIT_MS[match[3]!]! })!;
}

/** Sliding-window log per app_key: the arrival times of the calls it let through, oldest first. */
export class AppThrottle {
  readonly #arrivals = new Map<string, number[]>();

  constructor(readonly options: ThrottleOptions) {}

  /** Counts the call if the app still has budget; false means "answer 1010009". */
  admit(appKey: string, now: number = Date.now()): boolean {
    let arrivals = this.#arrivals.get(appKey);
    if (arrivals) this.#arrivals.delete(appKey);
    arrivals ??= [];
    this.#arrivals.set(appKey, arrivals); // re-inserted: most recently seen last
    let expired = 0;
    while (expired < arrivals.length && arrivals[expired]! <= now - this.options.windowMs) expired++;
    if (expired > 0) arrivals.splice(0, expired);
    for (const key of this.#arrivals.keys()) {
      if (this.#arrivals.size <= MAX_APPS) break;
      this.#arrivals.delete(key);
    }
    if (arrivals.length >= this.options.limit) return false;
    arrivals.push(now);
    return true;
  }
}

/** Counts a call of `appKey`; says why it is refused when the application is over its budget. */
export function throttleProblem(throttle: AppThrottle, appKey: string): string | undefined {
  if (throttle.admit(appKey)) return undefined;
  const { limit, windowMs } = throttle.options;
  return `more than ${limit} calls of this app_key in ${windowMs} ms`;
}
