// The waiting loop shared by the local and the Redis budget: ask, and while there is no room,
// sleep until the budget says it will have some, within the call's deadline and signal.
import type { NorthboundOperation } from '../core/errors.js';
import type { LogSink } from '../internal/log-sink.js';
import { abortErrorFor, sleep } from '../internal/retries.js';
import { RateLimitTimeoutError } from './errors.js';
import type { CallPermit, RateLimitOptions } from './types.js';

/** Either a place in the budget, or how long until one frees up. */
export type Reservation = { permit: CallPermit; retryInMs?: never } | { permit?: never; retryInMs: number };

export interface BudgetWait {
  operation: NorthboundOperation;
  /** What is left of the attempt: its timeoutMs, never past the call's totalTimeoutMs. */
  timeoutMs: number;
  signal: AbortSignal | undefined;
  log: LogSink;
  rateLimit: RateLimitOptions;
  /** "this process" or "the fleet (Redis)", for the log and errors. */
  scope: string;
}

export async function waitForBudget(reserve: () => Promise<Reservation>, wait: BudgetWait): Promise<CallPermit> {
  const { operation, timeoutMs, signal, log, rateLimit, scope } = wait;
  const deadline = Date.now() + timeoutMs;
  const budget = `${rateLimit.limit} calls per ${rateLimit.windowMs} ms for ${scope}`;
  let waitedMs = 0;
  for (;;) {
    if (signal?.aborted) throw abortErrorFor(operation, signal);
    const reservation = await reserve();
    if (reservation.permit) return reservation.permit;
    const delayMs = Math.max(1, Math.ceil(reservation.retryInMs));
    // Fail at once when the budget cannot have room before the deadline: sleeping would not help.
    if (Date.now() + delayMs > deadline) {
      throw new RateLimitTimeoutError(
        `${operation}: the call budget (${budget}) has no room within the ${Math.max(0, Math.round(timeoutMs))} ms left of this attempt (timeoutMs, totalTimeoutMs; next room in ${delayMs} ms); nothing was sent`,
        { operation },
      );
    }
    if (waitedMs === 0) log('info', 'wait', { operation, delayMs, message: `call budget (${budget}) used up; waiting ${delayMs} ms` });
    waitedMs += delayMs;
    await sleep(delayMs, signal, operation);
  }
}
