// Runs one hostile case and reports how it ended, how long it took and how far the process's
// resident memory rose above where it started (sampled every 5 ms, so the peak is seen even if
// the memory is freed before the call ends).
import { setTimeout as delay } from 'node:timers/promises';

export interface Outcome {
  error: unknown;
  elapsedMs: number;
  rssGrowthBytes: number;
}

export async function measure(run: () => Promise<unknown>): Promise<Outcome> {
  globalThis.gc?.();
  await delay(10);
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  const started = performance.now();
  let error: unknown;
  try {
    await run();
  } catch (caught) {
    error = caught;
  }
  const elapsedMs = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  return { error, elapsedMs, rssGrowthBytes: peak - before };
}

export const mebibytes = (n: number) => n * 1024 * 1024;
