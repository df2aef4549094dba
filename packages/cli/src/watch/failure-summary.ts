// After a watch: the subtasks that did not succeed, grouped by cause. The cause is detailInfo's
// text before its first colon ("Device offline: the device did not…" → "Device offline"), or all
// of it; the platform documents detailInfo only as "the cause of the failure".
import Table from 'cli-table3';
import type { SubtaskInfo, SubtaskStatus, UpgradeApi } from '../api/upgrade-api.js';

export interface CauseGroup {
  readonly status: SubtaskStatus;
  readonly cause: string;
  count: number;
  readonly examples: string[];
}

const EXAMPLES_PER_CAUSE = 3;

export function causeOf(subtask: Pick<SubtaskInfo, 'detailInfo'>): string {
  const detail = subtask.detailInfo?.trim() ?? '';
  if (detail === '') return '(no detailInfo)';
  const colon = detail.indexOf(':');
  return colon > 0 ? detail.slice(0, colon) : detail;
}

/** Streams the failed and stopped subtasks and groups them; memory grows with causes, not subtasks. */
export async function summarizeFailures(api: UpgradeApi, operationId: string, signal?: AbortSignal): Promise<CauseGroup[]> {
  const groups = new Map<string, CauseGroup>();
  for (const status of ['fail', 'stop'] as const) {
    for await (const subtask of api.listSubTasks(operationId, { status }, signal)) {
      const cause = causeOf(subtask);
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
  for (const group of groups) table.push([group.status, group.cause, String(group.count), group.examples.join(', ')]);
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  return [
    `${total} subtask(s) of ${operationId} did not succeed:`,
    table.toString(),
    `Export them: iodm-northbound subtasks ${operationId} --status fail --format csv --output failed.csv`,
    '',
  ].join('\n');
}
