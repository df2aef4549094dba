// The operations of the contract the suite drives, and the requests it builds by hand.

export const SUBTASKS = 'queryUpgradeSubTask';
export const LOGIN = 'getAuthToken';
export const REFRESH = 'refreshAuthToken';

export const LOGIN_PATH = '/iocm/app/sec/v1.1.0/login';

/** The subtask query's path for a task id (encoded as one segment), with an optional `?query`. */
export const subtasksPath = (operationId: string, query = ''): string =>
  `/iodm/northbound/v1.5.0/operations/${encodeURIComponent(operationId)}/subOperations${query}`;

/** An operationId the provider is not expected to know; the mock answers it with its examples. */
export const ANY_TASK_ID = '5bf3a8c7e1d2f40001a3b4c5';

/** Past the client's renewal point (a minute before expiry) and before expiry itself. */
export const NEARLY_EXPIRED_MS = 3590 * 1000;
