// The CLI's failures and the exit code each maps to. Exit codes: 0 ok (for watch: every subtask
// succeeded), 1 the work failed (a subtask failed, stopped or timed out; a task not found; any
// other error), 2 usage (including input the client refuses before sending), 3 the platform could not be reached or refused the credentials,
// 4 a create whose outcome is unknown (the request may have reached the platform: the task may exist),
// 5 watch --timeout passed before the task ended,
// 130 interrupted (Ctrl-C).
import { ApplicationFrozenError, ConnectionError, InvalidTokenError, NorthboundError, TimeoutError, ValidationError } from '@iodm-northbound/client';

export const EXIT = { ok: 0, failed: 1, usage: 2, unreachable: 3, createOutcomeUnknown: 4, watchTimedOut: 5, interrupted: 130 } as const;

/** What each exit code means, for --help and the README (test/readme.test.ts checks both against EXIT). */
export const EXIT_MEANINGS: Readonly<Record<(typeof EXIT)[keyof typeof EXIT], string>> = {
  0: 'success (watch: every subtask succeeded)',
  1: 'the work failed: a subtask failed, stopped or timed out, no such task, or another error',
  2: 'usage: a bad command, option or value (one line on stderr)',
  3: 'the platform could not be reached or refused the credentials',
  4: 'create: the request may have reached the platform without an answer; the task may exist (check with tasks, do not create again)',
  5: 'watch --timeout: the task had not ended in that time (it goes on on the platform)',
  130: 'interrupted (Ctrl-C)',
};

/** watch --timeout passed before the task ended: exit 5. */
export class WatchTimedOutError extends Error {
  override readonly name = 'WatchTimedOutError';
}

/** Bad input: exit 2 with one line. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The platform is not there, or will not take our credentials: exit 3. */
export class PlatformUnavailableError extends Error {
  override readonly name = 'PlatformUnavailableError';
}

/** A create that may have reached the platform without an answer saying what it did: exit 4. */
export class CreateOutcomeUnknownError extends Error {
  override readonly name = 'CreateOutcomeUnknownError';
}

/** No task has this operationId: exit 1. `answer` is the platform's, when it said so (404/123009). */
export class TaskNotFound extends Error {
  override readonly name = 'TaskNotFound';
  constructor(
    readonly operationId: string,
    answer?: { readonly status: number | undefined; readonly errorCode: string | undefined; readonly errorDesc: string | undefined },
  ) {
    const platform = answer ? ` (the platform answered ${answer.status}/${answer.errorCode}: ${answer.errorDesc})` : '';
    super(`no upgrade task has the operationId ${operationId}${platform}`);
  }
}

/** A part of the CLI that waits for a client method or the mock's simulation to be wired: exit 1. */
export class NotWiredError extends Error {
  override readonly name = 'NotWiredError';
}

const UNREACHABLE_OR_REFUSED: readonly (abstract new (...args: never[]) => Error)[] = [
  ConnectionError,
  TimeoutError,
  InvalidTokenError,
  ApplicationFrozenError,
  PlatformUnavailableError,
];

export function exitCodeFor(error: unknown): number {
  if (error instanceof WatchTimedOutError) return EXIT.watchTimedOut;
  // The client refuses bad input (a malformed base URL, too short a secret, a bad id) before sending.
  if (error instanceof UsageError || error instanceof ValidationError) return EXIT.usage;
  if (error instanceof CreateOutcomeUnknownError) return EXIT.createOutcomeUnknown;
  if (UNREACHABLE_OR_REFUSED.some((kind) => error instanceof kind)) return EXIT.unreachable;
  // A login or refresh that was refused for any documented reason: the credentials were refused.
  if (isTokenRequestFailure(error)) return EXIT.unreachable;
  return EXIT.failed;
}

/**
 * Whether a login or refresh failed behind `error`: the client reports it against the call that
 * waited for the token, with the token request's own error as its cause.
 */
function isTokenRequestFailure(error: unknown): boolean {
  for (let current = error; current instanceof NorthboundError; current = current.cause) {
    if (current.operation === 'getAuthToken' || current.operation === 'refreshAuthToken') return true;
  }
  return false;
}

/** One line for stderr: no stack, no newlines. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
