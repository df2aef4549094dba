// The fleet's call budget: one sliding window in Redis for every process of the application.
// A call holds its place from when it is sent until a window after its answer came in (see
// LocalCallBudget for why).
import type { NorthboundOperation } from '../core/errors.js';
import type { LogSink } from '../internal/log-sink.js';
import type { CallBudget, CallPermit, RateLimitOptions } from '../coordination/types.js';
import { waitForBudget } from '../coordination/wait-for-budget.js';
import type { RedisConnection } from './connection.js';
import type { ApplicationKeys } from './keys.js';

/** Spreads the processes that wait for the same free place over a few ms. */
const maxJitterMs = 5;
const leaseSlackMs = 1_000;

export class SharedCallBudget implements CallBudget {
  constructor(
    private readonly redis: RedisConnection,
    private readonly keys: ApplicationKeys,
    private readonly rateLimit: RateLimitOptions,
    private readonly log: LogSink,
  ) {}

  take(operation: NorthboundOperation, timeoutMs: number, signal: AbortSignal | undefined): Promise<CallPermit> {
    // A call in flight keeps its place at most this long (a process that died never settles).
    const leaseMs = timeoutMs + leaseSlackMs;
    return waitForBudget(
      async () => {
        const taken = await this.redis.takeBudget(this.keys, this.rateLimit.limit, this.rateLimit.windowMs, leaseMs);
        if ('retryInMs' in taken) return { retryInMs: taken.retryInMs + Math.random() * maxJitterMs };
        return {
          permit: {
            // Not awaited: until it lands the call only holds its place longer, which is safe.
            settle: () => {
              this.redis.settleBudget(this.keys, taken.member).catch(() => {
                // Redis is away: the call's place lapses at the end of its lease instead.
              });
              return Promise.resolve();
            },
          },
        };
      },
      { operation, timeoutMs, signal, log: this.log, rateLimit: this.rateLimit, scope: 'the fleet (Redis)' },
    );
  }
}
