// A deterministic upgrade task of N subtasks, served page by page like the platform does, so that
// an auto-pager can be tested end to end. Asked for with the operationId `paged-<N>`: its subtasks
// (pagedTaskPage) and the task itself (pagedTaskInfo, whose counts agree with the subtasks).
import { formatPlatformTimestamp } from '@iodm-northbound/spec/timestamp';
import { createHash } from 'node:crypto';
import { indexedSource, pageOf } from './paging.js';
import type { OperateType, SubtaskStatus, TaskStatus } from './simulation/index.js';

/** The largest task the paged scenario serves (pages are computed, not stored). */
export const PAGED_TASK_MAX_SUBTASKS = 100_000;

const PAGED_TASK_ID = /^paged-(\d{1,6})$/;
// The simulation's subtask statuses (the spec's, pinned by a type test): a renamed one fails tsc here.
const STATUS_CYCLE = ['success', 'fail', 'processing', 'wait', 'stop'] as const satisfies readonly SubtaskStatus[];
type CycleStatus = (typeof STATUS_CYCLE)[number];
const OPERATE_TYPE: OperateType = 'firmware_upgrade';

const DETAIL_BY_STATUS: Record<CycleStatus, string> = {
  success: 'Upgrade succeeded.',
  fail: 'Device did not respond to the upgrade command.',
  processing: 'Downloading the firmware package.',
  wait: 'Waiting for the device to come online.',
  stop: 'The upgrade task was stopped.',
};

// 2018-11-26T08:00:00Z, the creation time of the spec's example task.
const TASK_CREATED_AT_MS = Date.UTC(2018, 10, 26, 8, 0, 0);

/** Returns N when the operationId asks for the paged scenario, otherwise undefined. */
export function pagedTaskSize(operationId: string): number | undefined {
  const match = PAGED_TASK_ID.exec(operationId);
  if (!match) return undefined;
  const size = Number.parseInt(match[1]!, 10);
  return size <= PAGED_TASK_MAX_SUBTASKS ? size : undefined;
}

export interface PageQuery {
  readonly pageNo: number;
  readonly pageSize: number;
  readonly status: string | undefined;
}

/** One page of the task, in the platform's QueryUpgradeSubTaskOutDTO shape. */
export function pagedTaskPage(operationId: string, size: number, query: PageQuery) {
  if (query.status === undefined) return pageOf(indexedSource(size, (index) => subtask(operationId, index)), query);
  // Subtask i has status STATUS_CYCLE[i % 5], so a status filter selects an arithmetic sequence; a
  // status the cycle lacks (the spec may list more) selects none.
  const offset = STATUS_CYCLE.indexOf(query.status as CycleStatus);
  const matching = offset < 0 ? 0 : countWithOffset(size, offset);
  return pageOf(
    indexedSource(matching, (n) => subtask(operationId, n * STATUS_CYCLE.length + offset)),
    query,
  );
}

/**
 * The task as queryUpgradeTask answers it: its N devices, and counts by status that agree with
 * its subtasks. Its status is the mock's own rule (inferred): processing while a subtask waits or
 * runs, else failed if one failed, else stop if one stopped, else success.
 */
export function pagedTaskInfo(operationId: string, size: number) {
  const staResult = { total: size, wait: 0, processing: 0, success: 0, fail: 0, stop: 0, timeout: 0 };
  STATUS_CYCLE.forEach((status, offset) => {
    staResult[status] = countWithOffset(size, offset);
  });
  const running = staResult.wait + staResult.processing > 0;
  const status: TaskStatus = running ? 'processing' : staResult.fail > 0 ? 'failed' : staResult.stop > 0 ? 'stop' : 'success';
  const devices = Array.from({ length: size }, (_, index) => subtask(operationId, index).deviceId);
  return {
    operationId,
    createTime: formatPlatformTimestamp(TASK_CREATED_AT_MS),
    ...(size > 0 && { startTime: formatPlatformTimestamp(TASK_CREATED_AT_MS + 5_000) }),
    ...(!running && { stopTime: formatPlatformTimestamp(TASK_CREATED_AT_MS + 5_000 + 60_000 + Math.min(size, 600) * 1000) }),
    operateType: OPERATE_TYPE,
    targets: { devices },
    status,
    staResult,
    extendPara: { fileVersion: 'V1.1.0' },
  };
}

function countWithOffset(size: number, offset: number): number {
  return Math.max(0, Math.ceil((size - offset) / STATUS_CYCLE.length));
}

function subtask(operationId: string, index: number) {
  const status = STATUS_CYCLE[index % STATUS_CYCLE.length]!;
  const digest = createHash('sha256').update(`${operationId}/${index}`).digest('hex');
  const created = TASK_CREATED_AT_MS + index * 1000;
  const started = created + 5_000;
  const stopped = started + 60_000 + (index % 600) * 1000;
  return {
    subOperationId: digest.slice(0, 24),
    createTime: formatPlatformTimestamp(created),
    ...(status !== 'wait' && { startTime: formatPlatformTimestamp(started) }),
    ...((status === 'success' || status === 'fail' || status === 'stop') && { stopTime: formatPlatformTimestamp(stopped) }),
    operateType: OPERATE_TYPE,
    deviceId: uuidFromHex(digest.slice(24)),
    status,
    detailInfo: DETAIL_BY_STATUS[status],
    extendInfo: { sourceVersion: 'V1.0.3', targetVersion: 'V1.1.0' },
  };
}

/** A version-4-shaped UUID from 32+ hex digits (deterministic, unlike randomUUID). */
export function uuidFromHex(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
