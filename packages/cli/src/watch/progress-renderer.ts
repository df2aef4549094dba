// How watch shows progress, on stderr. On a terminal: a cli-progress bar with the counts per
// status, rate and ETA, redrawn in place. Otherwise (a pipe, a file, NO_COLOR, TERM=dumb): one
// plain line per update, no ANSI, so logs stay readable.
import cliProgress from 'cli-progress';
import type { TaskInfo } from '../api/upgrade-api.js';
import { inert } from '../output/inert.js';
import { endedCount, formatDuration, formatRate, type Estimate } from './progress-estimate.js';

export interface ProgressRenderer {
  update(task: TaskInfo, estimate: Estimate): void;
  /** Leaves the terminal as it found it (cursor shown, line ended). Safe to call twice. */
  stop(): void;
}

function countsText(task: TaskInfo): string {
  const c = task.staResult;
  return `success ${c.success} fail ${c.fail} (timeout ${c.timeout}) stop ${c.stop} processing ${c.processing} wait ${c.wait}`;
}

export function plainRenderer(out: NodeJS.WritableStream, now: () => Date = () => new Date()): ProgressRenderer {
  let last = '';
  return {
    update(task, estimate) {
      const line = `${task.operationId} ${task.status}: ${endedCount(task.staResult)}/${task.staResult.total} ended, ${countsText(task)}, ${formatRate(estimate.perMinute)}, ETA ${formatDuration(estimate.etaMs)}`;
      if (line === last) return; // one line per change, not per poll
      last = line;
      out.write(`${now().toISOString().slice(11, 19)} ${line}\n`);
    },
    stop() {},
  };
}

export function barRenderer(out: NodeJS.WritableStream): ProgressRenderer {
  const bar = new cliProgress.SingleBar(
    {
      stream: out as NodeJS.WritableStream & { isTTY: boolean },
      format: '{bar} {percentage}% {value}/{total} | {status} | {counts} | {rate} | ETA {eta}',
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      barsize: 24,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let stopped = false;
  return {
    update(task, estimate) {
      const payload = { status: inert(task.status), counts: countsText(task), rate: formatRate(estimate.perMinute), eta: formatDuration(estimate.etaMs) };
      if (!started) {
        bar.start(task.staResult.total, endedCount(task.staResult), payload);
        started = true;
      } else {
        bar.update(endedCount(task.staResult), payload);
      }
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (started) bar.stop();
    },
  };
}
