// What the pipeline asks before every request that counts against the platform's flow control
// (the requests carrying app_key): a place in the budget, settled once the answer is in.
import type { NorthboundOperation } from '../core/errors.js';
import { ValidationError } from '../core/errors.js';
import type { CallBudget, CallPermit, CoordinatedApplication, NorthboundCoordinator, RateLimitOptions } from './types.js';
import { LocalCallBudget } from './local-budget.js';

const maxLimit = 1_000_000;
const maxWindowMs = 24 * 60 * 60 * 1000;

export class CallGate {
  constructor(private readonly budget: CallBudget | undefined) {}

  /**
   * Waits for a place in the budget, at most `timeoutMs` (what is left of the attempt), aborting
   * with `signal`. Undefined without a rateLimit. Settle the permit once the answer is in.
   */
  take(operation: NorthboundOperation, timeoutMs: number, signal: AbortSignal | undefined): Promise<CallPermit> | undefined {
    return this.budget?.take(operation, timeoutMs, signal);
  }
}

function checkRateLimit(value: unknown): RateLimitOptions | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object') throw new ValidationError('rateLimit', 'rateLimit must be { limit, windowMs }', null);
  const { limit, windowMs } = value as Record<string, unknown>;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw new ValidationError('rateLimit.limit', `rateLimit.limit must be an integer from 1 to ${maxLimit}`, null);
  }
  if (typeof windowMs !== 'number' || !Number.isInteger(windowMs) || windowMs < 1 || windowMs > maxWindowMs) {
    throw new ValidationError('rateLimit.windowMs', `rateLimit.windowMs must be an integer from 1 to ${maxWindowMs} (ms)`, null);
  }
  return { limit, windowMs };
}

export function checkCoordinator(value: unknown): NorthboundCoordinator | undefined {
  if (value === undefined || value === null) return undefined;
  const candidate = value as Partial<NorthboundCoordinator>;
  if (typeof candidate !== 'object' || typeof candidate.createTokenSource !== 'function' || typeof candidate.createCallBudget !== 'function') {
    throw new ValidationError('coordinator', 'coordinator must come from createRedisCoordinator() of @iodm-northbound/client/redis', null);
  }
  return candidate as NorthboundCoordinator;
}

/** No rateLimit: no budget; rateLimit alone: this process's; with a coordinator: the fleet's. */
export function createCallGate(options: { rateLimit?: unknown; coordinator?: unknown }, application: CoordinatedApplication): CallGate {
  const rateLimit = checkRateLimit(options.rateLimit);
  const coordinator = checkCoordinator(options.coordinator);
  if (!rateLimit) return new CallGate(undefined);
  return new CallGate(coordinator ? coordinator.createCallBudget(application, rateLimit) : new LocalCallBudget(rateLimit, application.log));
}
