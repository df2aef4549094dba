// A task's status from its subtask counts. Documented: the five values and their meanings
// ("waiting to be executed", "being executed", "fails to be executed", success, "stops being
// executed"). Inferred (no page states the rule): a task waits until one subtask starts, is
// processing while any subtask has not ended, and once all ended is `success` if all succeeded,
// `failed` if any failed (timeouts included), otherwise `stop`.
import type { OperationStaResult, TaskStatus } from './views.js';

export function taskStatus(counts: OperationStaResult): TaskStatus {
  if (counts.wait === counts.total) return 'wait';
  if (counts.wait > 0 || counts.processing > 0) return 'processing';
  if (counts.success === counts.total) return 'success';
  if (counts.fail > 0) return 'failed';
  return 'stop';
}

/** Whether a task in this status can still change. */
export function isTaskFinished(status: TaskStatus): boolean {
  return status === 'success' || status === 'failed' || status === 'stop';
}
