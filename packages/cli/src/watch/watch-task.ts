// The watch loop: poll the task every interval, render progress, stop when the task has ended, the
// user interrupts or the timeout passes. Waiting is abortable, so Ctrl-C ends the watch at once.
import { setTimeout as sleep } from 'node:timers/promises';
import type { TaskInfo, TaskStatus, UpgradeApi } from '../api/upgrade-api.js';
import { WatchTimedOutError } from '../errors.js';
import { endedCount, estimate, formatDuration, type Observation } from './progress-estimate.js';
import type { ProgressRenderer } from './progress-renderer.js';

// The task states a watch ends on, typed against the spec's enum: a state renamed in openapi/ fails tsc here.
export const FINISHED: ReadonlySet<TaskStatus> = new Set<TaskStatus>(['success', 'failed', 'stop']);

export interface WatchOptions {
  readonly intervalMs: number;
  /** Give up (WatchTimedOutError) when the task has not ended this long after the watch began. */
  readonly timeoutMs?: number | undefined;
  readonly renderer: ProgressRenderer;
  readonly signal: AbortSignal;
  readonly now?: () => number;
}

/** Resolves with the finished task; rejects with the signal's reason when interrupted. */
export async function watchTask(api: UpgradeApi, operationId: string, options: WatchOptions): Promise<TaskInfo> {
  const now = options.now ?? Date.now;
  const deadline = options.timeoutMs === undefined ? Number.POSITIVE_INFINITY : now() + options.timeoutMs;
  let first: Observation | undefined;
  for (;;) {
    const task = await api.getTask(operationId, options.signal);
    const latest = { atMs: now(), ended: endedCount(task.staResult) };
    first ??= latest;
    options.renderer.update(task, estimate(first, latest, task.staResult.total));
    if (FINISHED.has(task.status)) return task;
    const left = deadline - now();
    if (left <= 0) {
      throw new WatchTimedOutError(
        `watch: ${operationId} has not ended after ${formatDuration(options.timeoutMs)} (--timeout): ${task.status}, ${latest.ended}/${task.staResult.total} ended; the task goes on`,
      );
    }
    // The last poll falls on the deadline.
    await sleep(Math.min(options.intervalMs, left), undefined, { signal: options.signal });
  }
}
