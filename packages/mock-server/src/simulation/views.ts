// The shapes the simulation answers with, named after the platform's DTOs (OperationInfo,
// OperationStaResult, SubOperationInfo, the paged list outs). Written out rather than imported from
// @iodm-northbound/types so that the mock's published types need no other package (not even the
// spec package: test/published-package.test.ts compiles them with no dependency installed), and
// narrower than the contract where the simulation always answers (counts, targets). A type-level
// test (test/simulation/contract-types.test.ts) pins each one to its generated type, the enums
// included: a value the spec renames fails `npm run lint` there, and then wherever the
// simulation names it (statuses and types are only ever written against these unions).
import type { OperateDevices } from './targets.js';

export type OperateType = 'firmware_upgrade' | 'software_upgrade';

/** A task's status (OperationStatus). Note the platform's spelling: `failed` here, `fail` for subtasks. */
export type TaskStatus = 'wait' | 'processing' | 'success' | 'failed' | 'stop';

/** A subtask's status (SubOperationStatus). */
export type SubtaskStatus = 'wait' | 'processing' | 'success' | 'fail' | 'stop';

/** OperatePolicy as sent; the simulation stores it and answers with it, nothing more (its values are not documented). */
export interface OperatePolicy {
  readonly executeType?: string | null;
  readonly startTime?: string | null;
  readonly endTime?: string | null;
  readonly retryType?: boolean | null;
  readonly retryTimes?: number | null;
}

/** Subtask counts by status. `timeout` counts the `fail` subtasks that failed by timing out (inferred). */
export interface OperationStaResult {
  total: number;
  wait: number;
  processing: number;
  success: number;
  fail: number;
  stop: number;
  timeout: number;
}

export interface OperationInfo {
  operationId: string;
  createTime: string;
  startTime?: string;
  stopTime?: string;
  operateType: OperateType;
  targets: OperateDevices;
  policy?: OperatePolicy;
  staResult: OperationStaResult;
  status: TaskStatus;
}

export interface SubOperationInfo {
  subOperationId: string;
  createTime: string;
  startTime?: string;
  stopTime?: string;
  operateType: OperateType;
  deviceId: string;
  status: SubtaskStatus;
  detailInfo: string;
}

export interface Page<Item> {
  pageNo: number;
  pageSize: number;
  totalCount: number;
  data: Item[];
}

/** QueryUpgradeSubTaskOutDTO. */
export type SubTaskPage = Page<SubOperationInfo>;
/** QueryUpgradeTaskListOutDTO. */
export type TaskListPage = Page<OperationInfo>;
