import { RateLimiterRes } from 'rate-limiter-flexible';
import { ProtectionRequest } from './protection.types';
import { PhoneNumberInfo } from '../phone/phone-number';
import { describeRedisError } from '../store/redis-error';
import { StoreUnavailableError } from '../store/key-value-store';
import { ProtectionFinding } from './protection.types';
import { RateLimitRule } from './rate-limit.rule';

/** How one rule's count went: under its limit, over it, or not counted (store error). */
type Count = 'passed' | 'over' | Error;

interface Counting {
  readonly rule: RateLimitRule;
  readonly key: string;
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
  constructor(private readonly rules: readonly RateLimitRule[]) {}

  /**
   * The rules this delivery is over; undefined when it is under every limit (or none applies).
   * Rejects with StoreUnavailableError when a count could not be made (the points that were
   * taken are given back first).
   */
  async consume(
    request: ProtectionRequest,
    phone: PhoneNumberInfo,
    refund: boolean,
  ): Promise<ProtectionFinding[] | undefined> {
    const countings: Counting[] = [];
    for (const rule of this.rules) {
      const key = rule.keyFor(request, phone);
      if (key !== undefined) countings.push({ rule, key, count: count(rule, key) });
    }
    if (countings.length === 0) return undefined;
    const counts = await Promise.all(countings.map((c) => c.count));
    const failure = counts.find((c): c is Error => c instanceof Error);
    const over = countings.filter((_, i) => counts[i] === 'over');
    if (failure || (refund && over.length > 0)) {
      await giveBack(countings.filter((_, i) => counts[i] === 'passed'));
    }
    if (failure) throw new StoreUnavailableError(describeRedisError(failure));
    return over.length > 0 ? over.map((c) => c.rule.finding) : undefined;
  }
}

function count(rule: RateLimitRule, key: string): Promise<Count> {
  return rule.limiter.consume(key).then(
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
  await Promise.allSettled(countings.map((c) => c.rule.limiter.reward(c.key)));
}
