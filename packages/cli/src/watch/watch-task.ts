// The watch loop: poll the task every interval, render progress, stop when the task has ended or
// the user interrupts. Waiting is abortable, so Ctrl-C ends the watch at once.
import { setTimeout as sleep } from 'node:timers/promises';
import type { TaskInfo, UpgradeApi } from '../api/upgrade-api.js';
import { endedCount, estimate, type Observation } from './progress-estimate.js';
import type { ProgressRenderer } from './progress-renderer.js';

const FINISHED = new Set(['success', 'failed', 'stop']);

export interface WatchOptions {
  readonly intervalMs: number;
  readonly renderer: ProgressRenderer;
  readonly signal: AbortSignal;
  readonly now?: () => number;
}

/** Resolves with the finished task; rejects with the signal's reason when interrupted. */
export async function watchTask(api: UpgradeApi, operationId: string, options: WatchOptions): Promise<TaskInfo> {
  const now = options.now ?? Date.now;
  let first: Observation | undefined;
  for (;;) {
    const task = await api.getTask(operationId, options.signal);
    const latest = { atMs: now(), ended: endedCount(task.staResult) };
    first ??= latest;
    options.renderer.update(task, estimate(first, latest, task.staResult.total));
    if (FINISHED.has(task.status)) return task;
    await sleep(options.intervalMs, undefined, { signal: options.signal });
  }
}
