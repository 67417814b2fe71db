/**
 * Where time comes from for what counts in windows (rate limits, protection's verification
 * counters and watch list): the system clock in production, a clock the caller moves in a
 * simulation, so that a simulated week replays in seconds without sleeping.
 */
export interface Clock {
  /** Milliseconds since the epoch, as Date.now(). */
  now(): number;
}

/** The system clock. */
export const SYSTEM_CLOCK: Clock = { now: () => Date.now() };

/** Injection token of the {@link Clock}. */
export const CLOCK = Symbol('CLOCK');
