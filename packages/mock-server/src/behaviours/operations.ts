// The per-operation behaviour table: one row per operationId saying how the mock answers a valid
// request of it beyond serving the spec's example. Adding an operation is adding a row (and, for a
// stateful one, a store in MockState); an operation without a row is served by Prism as is.
import type { OperationBehaviour } from './behaviour.js';
import { packageDelete, packageList, packageQuery } from './packages.js';
import { subtaskQuery } from './subtasks.js';
import { firmwareTaskCreate, softwareTaskCreate, taskList, taskQuery } from './tasks.js';
import { tokenIssue } from './tokens.js';

export const OPERATION_BEHAVIOURS: Readonly<Record<string, OperationBehaviour>> = {
  queryUpgradeSubTask: subtaskQuery,
  getAuthToken: tokenIssue,
  refreshAuthToken: tokenIssue,
  queryUpgradePackageList: packageList,
  queryUpgradePackage: packageQuery,
  deleteUpgradePackage: packageDelete,
  createFirmwareUpgradeTask: firmwareTaskCreate,
  createSoftwareUpgradeTask: softwareTaskCreate,
  queryUpgradeTask: taskQuery,
  queryUpgradeTaskList: taskList,
};

const noBehaviour: OperationBehaviour = {};

export function behaviourOf(operationId: string): OperationBehaviour {
  return Object.hasOwn(OPERATION_BEHAVIOURS, operationId) ? OPERATION_BEHAVIOURS[operationId]! : noBehaviour;
}
