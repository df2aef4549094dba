// How watch shows progress, on stderr. On a terminal: a cli-progress bar with the counts per
// status, rate and ETA, redrawn in place and fitted to the terminal's width (the ETA stays; the
// counts get shorter first). Otherwise (a pipe, a file, TERM=dumb): a plain line when the status
// or the counts change, and the same line again at most once a minute while nothing does.
// Rate and ETA appear once they are known, never as placeholders.
import cliProgress from 'cli-progress';
import type { TaskInfo } from '../api/upgrade-api.js';
import { paintStatus } from '../output/colour.js';
import { inert } from '../output/inert.js';
import { endedCount, formatDuration, formatRate, type Estimate } from './progress-estimate.js';

export interface ProgressRenderer {
  update(task: TaskInfo, estimate: Estimate): void;
  /** Leaves the terminal as it found it (cursor shown, line ended). Safe to call twice. */
  stop(): void;
}

/** A plain line again after this long without a change, so a log shows the watch is alive. */
export const HEARTBEAT_MS = 60_000;

function countsText(task: TaskInfo): string {
  const c = task.staResult;
  return `success ${c.success} fail ${c.fail} (timeout ${c.timeout}) stop ${c.stop} processing ${c.processing} wait ${c.wait}`;
}

/** ", 42/min, ETA 1m05s", each part only once it is known. */
function rateAndEta(estimate: Estimate): string[] {
  return [
    ...(estimate.perMinute === undefined ? [] : [formatRate(estimate.perMinute)]),
    ...(estimate.etaMs === undefined ? [] : [`ETA ${formatDuration(estimate.etaMs)}`]),
  ];
}

export function plainRenderer(out: NodeJS.WritableStream, now: () => number = Date.now): ProgressRenderer {
  let lastChange = '';
  let lastWrittenAt = Number.NEGATIVE_INFINITY;
  return {
    update(task, estimate) {
      const change = `${task.status} ${countsText(task)}`;
      const at = now();
      // One line per change, not per poll; a heartbeat when nothing changed for a minute.
      if (change === lastChange && at - lastWrittenAt < HEARTBEAT_MS) return;
      lastChange = change;
      lastWrittenAt = at;
      const line = [`${task.operationId} ${task.status}: ${endedCount(task.staResult)}/${task.staResult.total} ended`, countsText(task), ...rateAndEta(estimate)].join(', ');
      out.write(`${new Date(at).toISOString().slice(11, 19)} ${line}\n`);
    },
    stop() {},
  };
}

const MIN_BAR = 10;
const MAX_BAR = 24;

/**
 * The bar's text for a terminal `columns` wide: the most detail that leaves room for a bar of at
 * least MIN_BAR cells, one column spare (a line that reaches the last column wraps on some
 * terminals). Returns the text (status painted when `colour`) and the bar's size.
 */
export function fitProgressLine(task: TaskInfo, estimate: Estimate, columns: number, colour: boolean): { text: string; barSize: number } {
  const c = task.staResult;
  const ended = endedCount(c);
  const share = `${c.total === 0 ? 0 : Math.floor((ended / c.total) * 100)}% ${ended}/${c.total}`;
  const status = inert(task.status);
  const tail = rateAndEta(estimate);
  const eta = tail.filter((part) => part.startsWith('ETA'));
  const candidates: string[][] = [
    [share, status, countsText(task), ...tail],
    [`${share} ${status}`, `ok ${c.success} fail ${c.fail} (timeout ${c.timeout}) stop ${c.stop} run ${c.processing} wait ${c.wait}`, ...tail],
    [`${share} ${status}`, `ok ${c.success} fail ${c.fail} stop ${c.stop}`, ...tail],
    [`${share} ${status}`, `ok ${c.success} fail ${c.fail} stop ${c.stop}`, ...eta],
    [share, ...eta],
  ];
  const room = columns - 1;
  const chosen = candidates.find((parts) => parts.join(' | ').length + 1 + MIN_BAR <= room) ?? candidates.at(-1)!;
  const plain = chosen.join(' | ');
  const text = colour ? plain.replace(status, paintStatus(status, true)) : plain;
  return { text, barSize: Math.max(1, Math.min(MAX_BAR, room - plain.length - 1)) };
}

export function barRenderer(out: NodeJS.WritableStream & { columns?: number }, colour: boolean): ProgressRenderer {
  const bar = new cliProgress.SingleBar(
    {
      stream: out as NodeJS.WritableStream & { isTTY: boolean },
      // The whole line is ours: fitted to the width at every redraw (the terminal may be resized).
      format: (_options, params, payload: { text: string; barSize: number }) => {
        const filled = Math.round(params.progress * payload.barSize);
        return `${'█'.repeat(filled)}${'░'.repeat(payload.barSize - filled)} ${payload.text}`;
      },
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      linewrap: false,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let stopped = false;
  return {
    update(task, estimate) {
      const payload = fitProgressLine(task, estimate, out.columns ?? 80, colour);
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
