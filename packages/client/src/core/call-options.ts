// Per-call settings every operation accepts, overriding the client's.
export interface CallOptions {
  signal?: AbortSignal;
  /**
   * Retries after the first attempt (throttling, 5xx, connection errors, timeouts). A create or a
   * delete is retried only when the platform surely did nothing with it (see the README).
   */
  maxRetries?: number;
  /** Time limit of one attempt, including a login or refresh that attempt waits for, in ms. */
  timeoutMs?: number;
  /**
   * Time limit of the whole call, in ms: every attempt, the logins they wait for and the pauses
   * between retries (for the pagers `listSubTasks`, `listTasks`, `listPackages`: of each page). No retry starts that could not end in time.
   */
  totalTimeoutMs?: number;
}
