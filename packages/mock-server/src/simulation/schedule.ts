// When each device's subtask starts and ends, as a pure function of (campaign key, device index).
// Devices start in batches (BATCH_SIZE every BATCH_INTERVAL_SECONDS, with a little jitter), the way
// a platform throttles a rollout (inferred: no document says how the platform paces one). Because
// starts follow the index, at any instant the devices split into three index ranges: a settled
// prefix (all ended), an active window (of bounded size, whatever the campaign's size) and a
// pending suffix (all waiting). The campaign uses that to answer any page without visiting every
// device.
import { OUTCOMES, SUBTASK_TIMEOUT_SECONDS, outcomeForDraw } from './outcomes.js';
import type { SubtaskStatus } from './views.js';
import { unitDraw } from './random.js';

export const BATCH_SIZE = 50;
export const BATCH_INTERVAL_SECONDS = 15;
const START_JITTER_SECONDS = 5;

export interface DeviceSchedule {
  /** Simulated seconds from the campaign's creation to the subtask's start. */
  readonly startSeconds: number;
  /** Simulated seconds from the campaign's creation to the subtask's end. */
  readonly endSeconds: number;
  /** Index into OUTCOMES. */
  readonly outcome: number;
}

const DRAW_START = 1;
const DRAW_OUTCOME = 2;
const DRAW_DURATION = 3;

export function deviceSchedule(campaignKey: number, index: number): DeviceSchedule {
  const batch = Math.floor(index / BATCH_SIZE);
  const startSeconds = batch * BATCH_INTERVAL_SECONDS + unitDraw(campaignKey, index, DRAW_START) * START_JITTER_SECONDS;
  const outcome = outcomeForDraw(unitDraw(campaignKey, index, DRAW_OUTCOME));
  const [min, max] = OUTCOMES[outcome]!.durationSeconds;
  const duration = min + unitDraw(campaignKey, index, DRAW_DURATION) * (max - min);
  return { startSeconds, endSeconds: startSeconds + duration, outcome };
}

export function statusAt(schedule: DeviceSchedule, elapsedSeconds: number): SubtaskStatus {
  if (elapsedSeconds < schedule.startSeconds) return 'wait';
  if (elapsedSeconds < schedule.endSeconds) return 'processing';
  return OUTCOMES[schedule.outcome]!.status;
}

export interface IndexRanges {
  /** Devices [0, settledEnd) have all ended. */
  readonly settledEnd: number;
  /** Devices [pendingStart, size) are all still waiting. */
  readonly pendingStart: number;
}

/** Splits a campaign of `size` devices into settled / active / pending at `elapsedSeconds`. */
export function indexRanges(size: number, elapsedSeconds: number): IndexRanges {
  const settleDelay = START_JITTER_SECONDS + SUBTASK_TIMEOUT_SECONDS;
  // Batch b has surely ended once b * interval + jitter + timeout <= elapsed.
  const settledBatches = Math.max(0, Math.floor((elapsedSeconds - settleDelay) / BATCH_INTERVAL_SECONDS) + 1);
  // Batch b surely waits while b * interval > elapsed.
  const pendingBatch = Math.max(0, Math.floor(elapsedSeconds / BATCH_INTERVAL_SECONDS) + 1);
  return {
    settledEnd: Math.min(size, settledBatches * BATCH_SIZE),
    pendingStart: Math.min(size, pendingBatch * BATCH_SIZE),
  };
}
