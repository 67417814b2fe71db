import { RateLimiterRes } from 'rate-limiter-flexible';
import { Clock } from '../common/clock';
import { PhoneNumberInfo } from '../phone/phone-number';
import { describeRedisError } from '../store/redis-error';
import { StoreUnavailableError } from '../store/key-value-store';
import { ProtectionFinding, ProtectionRequest } from './protection.types';
import { RateLimitRule, RuleCount } from './rate-limit.rule';

/** How one rule's count went: under its limit, over it, or not counted (store error). */
type Count = 'passed' | 'over' | Error;

interface Counting extends RuleCount {
  readonly count: Promise<Count>;
}

/**
 * Every `protection.rateLimits[]` rule, counted together: each rule that applies to a delivery
 * takes one point under its key, all at once (one store round trip each, pipelined on Redis).
 * When one is over its limit and `refund` is set (enforce mode), the points the other rules
 * took are given back: a delivery that is not sent must not use up, say, the phone's budget
 * because its IP address was over. The rule over its limit keeps its point; its window does
 * not move.
 */
export class RateLimitPolicy {
  constructor(
    private readonly rules: readonly RateLimitRule[],
    private readonly clock: Clock,
  ) {}

  /**
   * The rules this delivery is over; undefined when it is under every limit (or none applies).
   * Rejects with StoreUnavailableError when a count could not be made (the points that were
   * taken are given back first). A `trusted` delivery skips the rules on shared keys.
   */
  async consume(
    request: ProtectionRequest,
    phone: PhoneNumberInfo,
    refund: boolean,
    trusted = false,
  ): Promise<ProtectionFinding[] | undefined> {
    const now = this.clock.now();
    const countings: Counting[] = [];
    for (const rule of this.rules) {
      const selected = rule.select(request, phone, trusted, now);
      if (selected) countings.push({ ...selected, count: count(selected) });
    }
    if (countings.length === 0) return undefined;
    const counts = await Promise.all(countings.map((c) => c.count));
    const failure = counts.find((c): c is Error => c instanceof Error);
    const over = countings.filter((_, i) => counts[i] === 'over');
    if (failure || (refund && over.length > 0)) {
      await giveBack(countings.filter((_, i) => counts[i] === 'passed'));
    }
    if (failure) throw new StoreUnavailableError(describeRedisError(failure));
    return over.length > 0 ? over.map((c) => c.finding) : undefined;
  }
}

function count({ limiter, key }: RuleCount): Promise<Count> {
  return limiter.consume(key).then(
    (): Count => 'passed',
    (rejection: unknown): Count =>
      rejection instanceof RateLimiterRes
        ? 'over'
        : rejection instanceof Error
          ? rejection
          : new Error('rate limiter failed'),
  );
}

async function giveBack(countings: readonly Counting[]): Promise<void> {
  await Promise.allSettled(countings.map((c) => c.limiter.reward(c.key)));
}
