// The operations of the contract the suite drives, and the requests it builds by hand.

export const SUBTASKS = 'queryUpgradeSubTask';
export const LOGIN = 'getAuthToken';
export const REFRESH = 'refreshAuthToken';

export const PACKAGE_LIST = 'queryUpgradePackageList';
export const PACKAGE = 'queryUpgradePackage';
export const DELETE_PACKAGE = 'deleteUpgradePackage';
export const CREATE_FIRMWARE_TASK = 'createFirmwareUpgradeTask';
export const CREATE_SOFTWARE_TASK = 'createSoftwareUpgradeTask';
export const TASK = 'queryUpgradeTask';
export const TASK_LIST = 'queryUpgradeTaskList';

/** Operations that change the server: run against a provider only with NORTHBOUND_ALLOW_WRITES=1. */
export const WRITE_OPERATIONS: readonly string[] = [DELETE_PACKAGE, CREATE_FIRMWARE_TASK, CREATE_SOFTWARE_TASK];

/** A fileId the provider is not expected to know; the mock answers it with its examples. */
export const ANY_FILE_ID = '5bd7e1a2c3f40001a2b3c4d5';

/** A create-task body as the Python SDK sends it (unset fields `null`). */
export const SDK_CREATE_BODY = {
  fileId: ANY_FILE_ID,
  targets: { deviceGroups: null, deviceType: null, model: null, manufacturerName: null, devices: ['8f9c2d4e-1b3a-4c5d-9e7f-0a1b2c3d4e5f'] },
  policy: null,
};

export const LOGIN_PATH = '/iocm/app/sec/v1.1.0/login';

/** The subtask query's path for a task id (encoded as one segment), with an optional `?query`. */
export const subtasksPath = (operationId: string, query = ''): string =>
  `/iodm/northbound/v1.5.0/operations/${encodeURIComponent(operationId)}/subOperations${query}`;

/** An operationId the provider is not expected to know; the mock answers it with its examples. */
export const ANY_TASK_ID = '5bf3a8c7e1d2f40001a3b4c5';

/** Past the client's renewal point (a minute before expiry) and before expiry itself. */
export const NEARLY_EXPIRED_MS = 3590 * 1000;
