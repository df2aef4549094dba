// Rate and ETA of a campaign from two observations of its counts: ended subtasks per minute since
// the watch began, and the time the rest would take at that rate.
import type { StaResult } from '../api/upgrade-api.js';

export interface Observation {
  readonly atMs: number;
  readonly ended: number;
}

export function endedCount(counts: StaResult): number {
  return counts.success + counts.fail + counts.stop;
}

export interface Estimate {
  /** Ended subtasks per minute, or undefined before there is a rate. */
  readonly perMinute: number | undefined;
  /** Milliseconds until all ended at that rate, or undefined. */
  readonly etaMs: number | undefined;
}

export function estimate(first: Observation, latest: Observation, total: number): Estimate {
  const elapsedMs = latest.atMs - first.atMs;
  const progressed = latest.ended - first.ended;
  if (elapsedMs <= 0 || progressed <= 0) return { perMinute: undefined, etaMs: latest.ended >= total ? 0 : undefined };
  const perMs = progressed / elapsedMs;
  return { perMinute: perMs * 60_000, etaMs: (total - latest.ended) / perMs };
}

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '?';
  if (ms > 0 && ms < 1000) return `${Math.round(ms)}ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

export function formatRate(perMinute: number | undefined): string {
  return perMinute === undefined ? '?/min' : `${perMinute >= 10 ? Math.round(perMinute) : perMinute.toFixed(1)}/min`;
}
