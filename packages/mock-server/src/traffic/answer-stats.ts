// Counts what a mock server answered, so tests and benchmarks can read logins, refreshes and the
// 1010005 and 1010009 answers (the figures of a login storm or a throttle storm).
import type { Answer } from '../http.js';
import { PLATFORM_ERROR_CODES } from '../platform-codes.js';
import type { MockStats } from '../types.js';

export class AnswerStats {
  readonly #stats: MockStats = { requests: 0, logins: 0, refreshes: 0, invalidToken: 0, throttled: 0 };

  /** Counts an answer; `operationId` is the spec's operationId of the request, as the handler routed it. */
  count(operationId: string | undefined, answer: Answer): void {
    this.#stats.requests++;
    if (answer.statusCode === 200) {
      if (operationId === 'getAuthToken') this.#stats.logins++;
      else if (operationId === 'refreshAuthToken') this.#stats.refreshes++;
    } else if (answer.statusCode === 403) {
      const code = errorCodeOf(answer.body);
      if (code === PLATFORM_ERROR_CODES.invalidAccessToken) this.#stats.invalidToken++;
      else if (code === PLATFORM_ERROR_CODES.appThrottleExceeded) this.#stats.throttled++;
    }
  }

  stats(): MockStats {
    return { ...this.#stats };
  }
}

/** The platform's `error_code` of an answer body (JSON text or a value), if it has one. */
function errorCodeOf(body: unknown): string | undefined {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  const code = value !== null && typeof value === 'object' ? (value as Record<string, unknown>).error_code : undefined;
  return typeof code === 'string' ? code : undefined;
}
