import { Clock } from '../../src/common/clock';

/** A clock the test moves: windows pass without sleeping. Starts on a round second. */
export class ManualClock implements Clock {
  constructor(private ms = Date.UTC(2026, 10, 23, 9, 0, 0)) {}

  now(): number {
    return this.ms;
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}
