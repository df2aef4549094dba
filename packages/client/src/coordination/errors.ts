// Failures of the call budget and of a coordinator. Neither is retried by the client: waiting
// longer is the caller's decision, and a coordinator that is down must not turn into a storm.
import { NorthboundError } from '../core/errors.js';

/** The call budget (`rateLimit`) had no room within the attempt's `timeoutMs` (or the call's `totalTimeoutMs`); nothing was sent. */
export class RateLimitTimeoutError extends NorthboundError {
  override name = 'RateLimitTimeoutError';
}

/** The coordinator (its Redis) could not be used: unreachable, timed out, or no shared token came. */
export class CoordinatorError extends NorthboundError {
  override name = 'CoordinatorError';
}
