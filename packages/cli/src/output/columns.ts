// The columns of the table and CSV outputs, per kind of record. json/ndjson print records whole.
import type { PackageInfo, SubtaskInfo, TaskInfo } from '../api/upgrade-api.js';

export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => string | number | undefined;
  /** How soon a table too wide for the terminal narrows, then leaves out, this column: 0 (never first) to 3 (first). */
  readonly rank?: number;
  /** Holds a status: coloured on a terminal. */
  readonly isStatus?: boolean;
}

export const SUBTASK_COLUMNS: readonly Column<SubtaskInfo>[] = [
  { header: 'deviceId', value: (row) => row.deviceId },
  { header: 'status', value: (row) => row.status, isStatus: true },
  { header: 'detailInfo', value: (row) => row.detailInfo, rank: 1 },
  { header: 'subOperationId', value: (row) => row.subOperationId, rank: 2 },
  { header: 'operateType', value: (row) => row.operateType, rank: 3 },
  { header: 'createTime', value: (row) => row.createTime, rank: 2 },
  { header: 'startTime', value: (row) => row.startTime, rank: 3 },
  { header: 'stopTime', value: (row) => row.stopTime, rank: 3 },
];

export const TASK_COLUMNS: readonly Column<TaskInfo>[] = [
  { header: 'operationId', value: (row) => row.operationId },
  { header: 'operateType', value: (row) => row.operateType, rank: 3 },
  { header: 'status', value: (row) => row.status, isStatus: true },
  { header: 'total', value: (row) => row.staResult.total },
  { header: 'success', value: (row) => row.staResult.success, rank: 1 },
  { header: 'fail', value: (row) => row.staResult.fail, rank: 1 },
  { header: 'timeout', value: (row) => row.staResult.timeout, rank: 3 },
  { header: 'stop', value: (row) => row.staResult.stop, rank: 1 },
  { header: 'processing', value: (row) => row.staResult.processing, rank: 2 },
  { header: 'wait', value: (row) => row.staResult.wait, rank: 2 },
  { header: 'createTime', value: (row) => row.createTime, rank: 2 },
  { header: 'stopTime', value: (row) => row.stopTime, rank: 3 },
];

export const PACKAGE_COLUMNS: readonly Column<PackageInfo>[] = [
  { header: 'fileId', value: (row) => row.fileId },
  { header: 'name', value: (row) => row.name, rank: 1 },
  { header: 'version', value: (row) => row.version },
  { header: 'fileType', value: (row) => row.fileType, rank: 2 },
  { header: 'deviceType', value: (row) => row.deviceType, rank: 2 },
  { header: 'model', value: (row) => row.model, rank: 2 },
  { header: 'manufacturerName', value: (row) => row.manufacturerName, rank: 3 },
  { header: 'uploadTime', value: (row) => row.uploadTime, rank: 3 },
];
