// After a watch: the subtasks that did not succeed, grouped by cause. The cause is detailInfo's
// text before its first colon ("Device offline: the device did not…" → "Device offline"), or all
// of it; the platform documents detailInfo only as "the cause of the failure". The statuses
// walked are every one the contract has but success; memory is bounded whatever the platform
// sends: at most MAX_GROUPS causes (the rest counted under "(other causes)"), each cut to a length.
import { specSchema } from '../program/spec-options.js';
import Table from 'cli-table3';
import type { ListWalk, SubtaskInfo, SubtaskStatus, UpgradeApi } from '../api/upgrade-api.js';
import { inert } from '../output/inert.js';

export interface CauseGroup {
  readonly status: SubtaskStatus;
  readonly cause: string;
  count: number;
  readonly examples: string[];
}

const EXAMPLES_PER_CAUSE = 3;
const MAX_GROUPS = 20;
const MAX_CAUSE_LENGTH = 80;
const OTHER_CAUSES = '(other causes)';

/** Every subtask status of the spec's filter but success (fail and stop today; wait and processing of a stopped task). */
const NOT_SUCCEEDED = (specSchema('queryUpgradeSubTask', 'subOperationStatus').enum as readonly SubtaskStatus[]).filter((status) => status !== 'success');

export function causeOf(subtask: Pick<SubtaskInfo, 'detailInfo'>): string {
  const detail = subtask.detailInfo?.trim() ?? '';
  if (detail === '') return '(no detailInfo)';
  const colon = detail.indexOf(':');
  const cause = colon > 0 ? detail.slice(0, colon) : detail;
  return cause.length > MAX_CAUSE_LENGTH ? `${cause.slice(0, MAX_CAUSE_LENGTH - 1)}…` : cause;
}

/** Streams the failed and stopped subtasks and groups them; memory grows with causes, not subtasks. */
export async function summarizeFailures(api: UpgradeApi, operationId: string, signal?: AbortSignal, { pageSize }: Pick<ListWalk, 'pageSize'> = {}): Promise<CauseGroup[]> {
  const groups = new Map<string, CauseGroup>();
  for (const status of NOT_SUCCEEDED) {
    for await (const subtask of api.listSubTasks(operationId, { status, pageSize }, signal)) {
      let cause = causeOf(subtask);
      if (!groups.has(`${status}\u0000${cause}`) && groups.size >= MAX_GROUPS) cause = OTHER_CAUSES;
      const key = `${status}\u0000${cause}`;
      let group = groups.get(key);
      if (!group) {
        group = { status, cause, count: 0, examples: [] };
        groups.set(key, group);
      }
      group.count++;
      if (group.examples.length < EXAMPLES_PER_CAUSE) group.examples.push(subtask.deviceId);
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause));
}

export function renderFailureSummary(operationId: string, groups: readonly CauseGroup[]): string {
  if (groups.length === 0) return `Every subtask of ${operationId} succeeded.\n`;
  const table = new Table({ head: ['status', 'cause', 'subtasks', 'e.g. devices'], style: { head: [], border: [], compact: true } });
  for (const group of groups) table.push([inert(group.status), inert(group.cause), String(group.count), group.examples.map((id) => inert(id)).join(', ')]); // inert before the table measures
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  // One export per status that has subtasks here, in the contract's order.
  const statuses = NOT_SUCCEEDED.filter((status) => groups.some((group) => group.status === status));
  const exports = statuses.map((status, n) => `${n === 0 ? 'Export them: ' : '             '}iodm-northbound subtasks ${operationId} --status ${status} --format csv --output ${status}.csv`);
  return [`${total} subtask(s) of ${operationId} did not succeed:`, table.toString(), ...exports, ''].join('\n');
}
