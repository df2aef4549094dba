// The columns of the table and CSV outputs, per kind of record. json/ndjson print records whole.
import type { SubtaskInfo, TaskInfo } from '../api/upgrade-api.js';

export interface Column<Row> {
  readonly header: string;
  readonly value: (row: Row) => string | number | undefined;
}

export const SUBTASK_COLUMNS: readonly Column<SubtaskInfo>[] = [
  { header: 'deviceId', value: (row) => row.deviceId },
  { header: 'status', value: (row) => row.status },
  { header: 'detailInfo', value: (row) => row.detailInfo },
  { header: 'subOperationId', value: (row) => row.subOperationId },
  { header: 'operateType', value: (row) => row.operateType },
  { header: 'createTime', value: (row) => row.createTime },
  { header: 'startTime', value: (row) => row.startTime },
  { header: 'stopTime', value: (row) => row.stopTime },
];

export const TASK_COLUMNS: readonly Column<TaskInfo>[] = [
  { header: 'operationId', value: (row) => row.operationId },
  { header: 'operateType', value: (row) => row.operateType },
  { header: 'status', value: (row) => row.status },
  { header: 'total', value: (row) => row.staResult.total },
  { header: 'success', value: (row) => row.staResult.success },
  { header: 'fail', value: (row) => row.staResult.fail },
  { header: 'timeout', value: (row) => row.staResult.timeout },
  { header: 'stop', value: (row) => row.staResult.stop },
  { header: 'processing', value: (row) => row.staResult.processing },
  { header: 'wait', value: (row) => row.staResult.wait },
  { header: 'createTime', value: (row) => row.createTime },
  { header: 'stopTime', value: (row) => row.stopTime },
];
