import { Clock } from '../common/clock';
import { Channel } from '../providers/channel';
import { KeyValueStore } from '../store/key-value-store';
import { AdaptiveStepDownConfig } from './adaptive.config';
import { WatchEntry } from './watch-list';

/**
 * `action: step-down`: a watched key gets no voice calls and at most `stepDown.limit` SMS per
 * `stepDown.windowSeconds` (counted under `pw-sd:<key id>:<window>`).
 */
export class StepDown {
  private readonly windowMs: number;

  constructor(
    private readonly store: KeyValueStore,
    private readonly clock: Clock,
    private readonly config: AdaptiveStepDownConfig,
  ) {
    this.windowMs = config.windowSeconds * 1000;
  }

  /** Why this delivery is refused under the step-down, or undefined when it may go. */
  async refusal(entry: WatchEntry, channel: Channel): Promise<string | undefined> {
    if (channel === 'voice') return 'stepped down: no voice while watched';
    const window = Math.floor(this.clock.now() / this.windowMs);
    const { n } = await this.store.increment(
      `pw-sd:${entry.id}:${window}`,
      { n: 1 },
      this.windowMs,
    );
    if (n <= this.config.limit) return undefined;
    return `stepped down: over ${this.config.limit} per ${this.config.windowSeconds} s while watched`;
  }
}
