// Per-call settings every operation accepts, overriding the client's.
/** Per-call settings every typed method accepts; each overrides the client's option of the same name. */
export interface CallOptions {
  /** Aborts the call (and, for a pager, the walk): it then rejects with AbortError, whose `cause` is the signal's reason. */
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

/** The per-call settings by name: they are read by the client, never sent as query parameters. */
export const callOptionNames = ['signal', 'maxRetries', 'timeoutMs', 'totalTimeoutMs'] as const satisfies readonly (keyof CallOptions)[];
