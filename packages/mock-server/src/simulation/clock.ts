// The simulation reads time only through a Clock, so tests move time by hand instead of sleeping.

export interface Clock {
  /** Milliseconds since the epoch, like Date.now(). */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface ManualClock extends Clock {
  /** Moves the clock forward by `ms` (never backward). */
  advance(ms: number): void;
  /** Sets the clock to `ms`; throws when that would move it backward. */
  set(ms: number): void;
}

export function createManualClock(startMs = Date.UTC(2026, 0, 1)): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError(`a clock only moves forward (advance by ${ms})`);
      current += ms;
    },
    set(ms) {
      if (!(ms >= current)) throw new RangeError(`a clock only moves forward (from ${current} to ${ms})`);
      current = ms;
    },
  };
}
