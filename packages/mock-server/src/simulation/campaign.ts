// One simulated upgrade campaign: its subtasks' states at any simulated instant, computed from the
// per-device schedule. Built once in O(devices) (sorted index lists of how devices end, a few bytes
// per device); after that, a task view or any page costs O(log devices + active window + pageSize)
// and allocates only the answer (and the active window's matches), so memory does not grow with the number of queries.
import { formatPlatformTimestamp } from '@iodm-northbound/spec/timestamp';
import { indexedSource, pageOf } from '../paging.js';
import { OUTCOMES, PENDING_DETAIL, type TerminalStatus } from './outcomes.js';
import { hexId } from './random.js';
import { deviceSchedule, indexRanges, statusAt, type IndexRanges } from './schedule.js';
import type { DeviceRoster, OperateDevices } from './targets.js';
import { taskStatus } from './task-status.js';
import type { OperateType, OperatePolicy, OperationInfo, OperationStaResult, SubOperationInfo, SubTaskPage } from './views.js';

export interface CampaignDefinition {
  readonly operationId: string;
  readonly operateType: OperateType;
  readonly fileId: string;
  readonly targets: OperateDevices;
  readonly policy?: OperatePolicy | undefined;
  readonly roster: DeviceRoster;
  /** Mixes into every per-device draw: the same key gives the same rollout. */
  readonly key: number;
  /** Creation time (ms since the epoch, on the simulation's timeline). */
  readonly createdAtMs: number;
}

export interface SubTaskPageQuery {
  readonly pageNo: number;
  readonly pageSize: number;
  /** Any status the spec lists; one the simulation never gives a subtask matches none. */
  readonly status?: string | undefined;
}

const TERMINAL: readonly TerminalStatus[] = ['success', 'fail', 'stop'];

export class Campaign {
  readonly size: number;
  /** Simulated seconds after creation when the first subtask starts / the last one ends. */
  readonly firstStartSeconds: number;
  readonly finishSeconds: number;
  readonly #endedAs: Record<TerminalStatus, Int32Array>;
  readonly #timedOut: Int32Array;

  constructor(readonly definition: CampaignDefinition) {
    this.size = definition.roster.size;
    const lists = this.#buildOutcomeLists();
    this.#endedAs = lists.endedAs;
    this.#timedOut = lists.timedOut;
    this.firstStartSeconds = lists.firstStart;
    this.finishSeconds = lists.finish;
  }

  get operationId(): string {
    return this.definition.operationId;
  }

  /** The counts by status at `elapsedSeconds` after creation (simulated). */
  staResult(elapsedSeconds: number): OperationStaResult {
    const ranges = indexRanges(this.size, elapsedSeconds);
    const counts: OperationStaResult = { total: this.size, wait: this.size - ranges.pendingStart, processing: 0, success: 0, fail: 0, stop: 0, timeout: 0 };
    for (const status of TERMINAL) counts[status] = countBelow(this.#endedAs[status], ranges.settledEnd);
    counts.timeout = countBelow(this.#timedOut, ranges.settledEnd);
    for (let index = ranges.settledEnd; index < ranges.pendingStart; index++) {
      const schedule = deviceSchedule(this.definition.key, index);
      const status = statusAt(schedule, elapsedSeconds);
      counts[status]++;
      if (status === 'fail' && OUTCOMES[schedule.outcome]!.timeout) counts.timeout++;
    }
    return counts;
  }

  /** The task as queryUpgradeTask answers it (OperationInfo). */
  view(elapsedSeconds: number): OperationInfo {
    const staResult = this.staResult(elapsedSeconds);
    const status = taskStatus(staResult);
    const { definition } = this;
    const info: OperationInfo = {
      operationId: definition.operationId,
      createTime: this.#timestamp(0),
      operateType: definition.operateType,
      targets: definition.targets,
      staResult,
      status,
    };
    if (status !== 'wait') info.startTime = this.#timestamp(this.firstStartSeconds);
    if (elapsedSeconds >= this.finishSeconds) info.stopTime = this.#timestamp(this.finishSeconds);
    if (definition.policy) info.policy = definition.policy;
    return info;
  }

  /** Subtask `index` (0-based, in the campaign's device order). */
  subtask(index: number, elapsedSeconds: number): SubOperationInfo {
    const { key, operateType, roster } = this.definition;
    const schedule = deviceSchedule(key, index);
    const status = statusAt(schedule, elapsedSeconds);
    const info: SubOperationInfo = {
      subOperationId: hexId(24, key, index, 0x5b),
      createTime: this.#timestamp(0),
      operateType,
      deviceId: roster.deviceIdAt(index),
      status,
      detailInfo: status === 'wait' || status === 'processing' ? PENDING_DETAIL[status] : OUTCOMES[schedule.outcome]!.detailInfo,
    };
    if (status !== 'wait') info.startTime = this.#timestamp(schedule.startSeconds);
    if (status !== 'wait' && status !== 'processing') info.stopTime = this.#timestamp(schedule.endSeconds);
    return info;
  }

  /**
   * One page of subtasks (QueryUpgradeSubTaskOutDTO), in device order; a status filter keeps that
   * order (the filtered list is the unfiltered one with the others left out). A status no subtask
   * of the simulation takes (the spec may list more) matches none.
   */
  subtaskPage(query: SubTaskPageQuery, elapsedSeconds: number): SubTaskPage {
    const devices = query.status === undefined ? { length: this.size, indexAt: (n: number) => n } : this.#devicesWith(query.status, elapsedSeconds);
    return pageOf(
      indexedSource(devices.length, (n) => this.subtask(devices.indexAt(n), elapsedSeconds)),
      query,
    );
  }

  /**
   * The devices whose subtask has `status` now, in device order, as a count and the index of the
   * n-th one: the settled ones from the precomputed list of how devices end, the active window
   * computed device by device, then the waiting suffix.
   */
  #devicesWith(status: string, elapsedSeconds: number): { length: number; indexAt: (n: number) => number } {
    const ranges: IndexRanges = indexRanges(this.size, elapsedSeconds);
    const settledList = Object.hasOwn(this.#endedAs, status) ? this.#endedAs[status as TerminalStatus] : undefined;
    const settled = settledList === undefined ? 0 : countBelow(settledList, ranges.settledEnd);
    const active: number[] = [];
    for (let index = ranges.settledEnd; index < ranges.pendingStart; index++) {
      if (statusAt(deviceSchedule(this.definition.key, index), elapsedSeconds) === status) active.push(index);
    }
    const waiting = status === 'wait' ? this.size - ranges.pendingStart : 0;
    return {
      length: settled + active.length + waiting,
      indexAt: (n) => (n < settled ? settledList![n]! : n < settled + active.length ? active[n - settled]! : ranges.pendingStart + (n - settled - active.length)),
    };
  }

  #timestamp(elapsedSeconds: number): string {
    return formatPlatformTimestamp(this.definition.createdAtMs + elapsedSeconds * 1000);
  }

  #buildOutcomeLists() {
    const counts: Record<TerminalStatus, number> = { success: 0, fail: 0, stop: 0 };
    let timeouts = 0;
    let firstStart = Infinity;
    let finish = 0;
    for (let index = 0; index < this.size; index++) {
      const schedule = deviceSchedule(this.definition.key, index);
      const row = OUTCOMES[schedule.outcome]!;
      counts[row.status]++;
      if (row.timeout) timeouts++;
      firstStart = Math.min(firstStart, schedule.startSeconds);
      finish = Math.max(finish, schedule.endSeconds);
    }
    const endedAs = { success: new Int32Array(counts.success), fail: new Int32Array(counts.fail), stop: new Int32Array(counts.stop) };
    const timedOut = new Int32Array(timeouts);
    const filled: Record<TerminalStatus, number> = { success: 0, fail: 0, stop: 0 };
    let timeoutsFilled = 0;
    for (let index = 0; index < this.size; index++) {
      const row = OUTCOMES[deviceSchedule(this.definition.key, index).outcome]!;
      endedAs[row.status][filled[row.status]++] = index;
      if (row.timeout) timedOut[timeoutsFilled++] = index;
    }
    return { endedAs, timedOut, firstStart, finish };
  }
}

/** How many entries of the ascending `list` are below `bound` (binary search). */
function countBelow(list: Int32Array, bound: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < bound) low = middle + 1;
    else high = middle;
  }
  return low;
}
