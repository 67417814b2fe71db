import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import { METRIC_PREFIX } from '../observability/metrics.module';

/** What protection did: let a delivery through, stopped it, or would have (monitor mode). */
export type ProtectionAction = 'allowed' | 'blocked' | 'would-block';

/** What a verification report or a failed send did to its delivery's ticket. */
export type FeedbackResult = 'verified' | 'not-sent' | 'unknown' | 'repeat';

/**
 * `otg_protection_decisions_total{rule, country, action}`: one `allowed` (rule `none`) per
 * delivery no rule matched, else one `blocked` or `would-block` per rule that matched. The
 * country is the destination's ISO code, `non-geographic` or `unknown`.
 * `otg_protection_watches_total{kind, country}`: keys put on the watch list.
 * `otg_protection_feedback_total{result}`: verification reports and failed sends by what they
 * did to their delivery's ticket.
 */
@Injectable()
export class ProtectionMetrics {
  private readonly decisions: Counter<'rule' | 'country' | 'action'>;
  private readonly watches: Counter<'kind' | 'country'>;
  private readonly feedbacks: Counter<'result'>;
  /** The `allowed` children by country: the hot path increments without building labels. */
  private readonly allowedByCountry = new Map<string, Counter.Internal>();

  constructor(registry: Registry) {
    this.decisions = new Counter({
      name: `${METRIC_PREFIX}protection_decisions_total`,
      help: 'Protection decisions: allowed deliveries (rule "none"), and per matching rule blocked or would-block (monitor mode).',
      labelNames: ['rule', 'country', 'action'],
      registers: [registry],
    });
    this.watches = new Counter({
      name: `${METRIC_PREFIX}protection_watches_total`,
      help: 'Keys put on the watch list (protection.adaptive), by kind (country, range, network) and destination country.',
      labelNames: ['kind', 'country'],
      registers: [registry],
    });
    this.feedbacks = new Counter({
      name: `${METRIC_PREFIX}protection_feedback_total`,
      help: 'Verification reports and failed sends by what they did: verified, not-sent, unknown (no ticket), repeat.',
      labelNames: ['result'],
      registers: [registry],
    });
  }

  allowed(country: string): void {
    let child = this.allowedByCountry.get(country);
    if (!child) {
      child = this.decisions.labels({ rule: 'none', country, action: 'allowed' });
      this.allowedByCountry.set(country, child);
    }
    child.inc();
  }

  matched(rule: string, country: string, action: Exclude<ProtectionAction, 'allowed'>): void {
    this.decisions.inc({ rule, country, action });
  }

  watchStarted(kind: string, country: string): void {
    this.watches.inc({ kind, country });
  }

  feedback(result: FeedbackResult): void {
    this.feedbacks.inc({ result });
  }
}
