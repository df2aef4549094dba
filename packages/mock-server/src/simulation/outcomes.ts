// How a simulated subtask ends, and why. One row per outcome: its share of devices, how long it
// takes (simulated seconds after the subtask starts) and the detailInfo the subtask then shows.
// The causes and shares are invented for the simulation (no platform document lists failure
// causes); `timeout` rows are the ones OperationStaResult.timeout counts (inferred: the field's
// description was not readable, its name is all we know).
import type { SubtaskStatus } from './views.js';

/** Statuses of SubtaskStatus (the spec's, pinned by a type test), named here: one renamed there fails tsc. */
type Listed<Status extends SubtaskStatus> = Status;
/** A subtask that has not ended yet. */
type PendingStatus = Listed<'wait' | 'processing'>;
/** A subtask that ended. */
export type TerminalStatus = Listed<'success' | 'fail' | 'stop'>;

export interface OutcomeRow {
  readonly status: TerminalStatus;
  /** Short, stable name of the cause (what a failure summary groups by). */
  readonly cause: string;
  /** What the subtask's detailInfo says once it ended this way. */
  readonly detailInfo: string;
  /** Relative weight: the share of devices that end this way. */
  readonly weight: number;
  /** Simulated seconds from the subtask's start to its end: [min, max). */
  readonly durationSeconds: readonly [number, number];
  /** Counted in staResult.timeout. */
  readonly timeout?: boolean;
}

/** The longest any subtask runs: the platform gives up on a device after this long (simulated). */
export const SUBTASK_TIMEOUT_SECONDS = 300;

export const OUTCOMES: readonly OutcomeRow[] = [
  { status: 'success', cause: 'success', detailInfo: 'Upgrade succeeded.', weight: 850, durationSeconds: [60, 240] },
  {
    status: 'fail',
    cause: 'device offline',
    detailInfo: 'Device offline: the device did not respond to the upgrade command.',
    weight: 40,
    durationSeconds: [30, 120],
  },
  {
    status: 'fail',
    cause: 'download failed',
    detailInfo: 'Download failed: the device could not download the upgrade package.',
    weight: 30,
    durationSeconds: [40, 200],
  },
  {
    status: 'fail',
    cause: 'version mismatch',
    detailInfo: 'Version mismatch: the package does not apply to the version on the device.',
    weight: 15,
    durationSeconds: [5, 30],
  },
  {
    status: 'fail',
    cause: 'battery low',
    detailInfo: 'Battery low: the device refused to upgrade on its remaining battery.',
    weight: 15,
    durationSeconds: [5, 30],
  },
  {
    status: 'fail',
    cause: 'timeout',
    detailInfo: 'Timeout: the device did not report the upgrade result in time.',
    weight: 40,
    durationSeconds: [SUBTASK_TIMEOUT_SECONDS, SUBTASK_TIMEOUT_SECONDS],
    timeout: true,
  },
  {
    status: 'stop',
    cause: 'device deleted',
    detailInfo: 'Stopped: the device was deleted from the platform during the upgrade.',
    weight: 10,
    durationSeconds: [10, 120],
  },
];

/** detailInfo of a subtask that has not ended yet. */
export const PENDING_DETAIL: Record<PendingStatus, string> = {
  wait: 'Waiting to be executed.',
  processing: 'Upgrading: the device is downloading and installing the package.',
};

const TOTAL_WEIGHT = OUTCOMES.reduce((sum, row) => sum + row.weight, 0);

/** The outcome row a draw in [0, 1) lands on. */
export function outcomeForDraw(draw: number): number {
  let remaining = draw * TOTAL_WEIGHT;
  for (let row = 0; row < OUTCOMES.length; row++) {
    remaining -= OUTCOMES[row]!.weight;
    if (remaining < 0) return row;
  }
  return OUTCOMES.length - 1;
}
