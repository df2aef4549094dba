// The call budget of one process: a sliding-window log in memory. A call holds its place from
// when it is sent until a window after its answer came in: the platform counts a call when it
// arrives, which can be any time in between (late, on a loaded machine or a slow network).
import type { NorthboundOperation } from '../core/errors.js';
import type { LogSink } from '../internal/log-sink.js';
import type { CallBudget, CallPermit, RateLimitOptions } from './types.js';
import { waitForBudget, type Reservation } from './wait-for-budget.js';

interface Entry {
  /** When the answer came in; undefined while the call is in flight. */
  answeredAt: number | undefined;
}

export class LocalCallBudget implements CallBudget {
  readonly #entries = new Set<Entry>();

  constructor(
    private readonly rateLimit: RateLimitOptions,
    private readonly log: LogSink,
  ) {}

  take(operation: NorthboundOperation, timeoutMs: number, signal: AbortSignal | undefined): Promise<CallPermit> {
    return waitForBudget(() => Promise.resolve(this.#reserve()), { operation, timeoutMs, signal, log: this.log, rateLimit: this.rateLimit, scope: 'this process' });
  }

  #reserve(now: number = Date.now()): Reservation {
    const { limit, windowMs } = this.rateLimit;
    let oldestAnswer = Number.POSITIVE_INFINITY;
    for (const entry of this.#entries) {
      if (entry.answeredAt === undefined) continue;
      if (entry.answeredAt <= now - windowMs) this.#entries.delete(entry);
      else oldestAnswer = Math.min(oldestAnswer, entry.answeredAt);
    }
    if (this.#entries.size < limit) {
      const entry: Entry = { answeredAt: undefined };
      this.#entries.add(entry);
      const settle = (): Promise<void> => {
        entry.answeredAt = Date.now();
        return Promise.resolve();
      };
      return { permit: { settle } };
    }
    // The first place to free up: the oldest answered call leaving the window, or at best a
    // window after a call in flight is answered.
    return { retryInMs: Math.min(oldestAnswer + windowMs - now, windowMs) };
  }
}
