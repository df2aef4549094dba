// Types of run-fleet.mjs, for the TypeScript tests that use it.
import type { ChildProcess } from 'node:child_process';

export interface FleetConfig {
  workers: number;
  calls: number;
  baseUrl: string;
  appId: string;
  secret: string;
  operationId: string;
  redisUrl?: string;
  rateLimit?: { limit: number; windowMs: number };
  lockTtlMs?: number;
  pauseMs?: number;
  /** Calls a worker has in flight at once; default 4. */
  concurrency?: number;
  timeoutMs?: number;
}

export interface CallOutcome {
  ok: boolean;
  error?: string;
  message?: string;
  startedAt: number;
  endedAt: number;
}

export interface Worker {
  process: ChildProcess;
  ready: Promise<unknown>;
  done: Promise<CallOutcome[]>;
  next(event: string): Promise<unknown>;
  kill(): void;
}

export function runFleet(
  fleet: FleetConfig,
  hooks?: { onStarted?(children: Worker[]): unknown; whileRunning?(): Promise<unknown> | undefined },
): Promise<{ calls: CallOutcome[]; startedAt: number; endedAt: number }>;
export function spawnWorker(config: Omit<FleetConfig, 'workers'> & { mode: 'queries' | 'hang-in-login' }): Worker;
export function callsPerWindow(calls: CallOutcome[], windowMs: number): { perWindow: number; windows: number };
export function failuresByKind(calls: CallOutcome[]): Record<string, number>;
