import { Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import { METRIC_PREFIX } from '../observability/metrics.module';
import { Channel } from '../providers/channel';

/** How an Okta phone-verification event found its delivery. */
export type Correlation = 'transaction-id' | 'user-phone' | 'late' | 'parked' | 'unmatched';

const EVENT_TYPE = /^[A-Za-z0-9_.]{1,100}$/;

/**
 * The event hook's metrics. `otg_otp_sent_total` and `otg_otp_verified_total` (same labels) are
 * the pair to alert on: a country whose codes are sent but not verified is the signature of
 * SMS pumping (docs/events.md).
 */
@Injectable()
export class EventHookMetrics {
  private readonly events: Counter<'event_type'>;
  private readonly repeats: Counter;
  private readonly fallbacks: Counter<'channel' | 'country'>;
  private readonly denied: Counter<'channel' | 'country'>;
  private readonly correlations: Counter<'result'>;
  private readonly sent: Counter<'channel' | 'country'>;
  private readonly verified: Counter<'channel' | 'country'>;

  constructor(registry: Registry) {
    const counter = <L extends string>(name: string, help: string, labelNames: L[]) =>
      new Counter({ name: METRIC_PREFIX + name, help, labelNames, registers: [registry] });
    this.events = counter('okta_events_total', 'Okta event hook events by type (each uuid once).', [
      'event_type',
    ]);
    this.repeats = new Counter({
      name: `${METRIC_PREFIX}okta_event_repeats_total`,
      help: 'Okta events received again (same uuid), ignored.',
      registers: [registry],
    });
    this.fallbacks = counter(
      'okta_fallbacks_total',
      'Codes Okta sent through its own providers instead of this hook.',
      ['channel', 'country'],
    );
    this.denied = counter('okta_denied_total', 'Phone verification sends Okta blocked (DENY).', [
      'channel',
      'country',
    ]);
    this.correlations = counter(
      'okta_event_correlations_total',
      'Phone verification events by how they found their delivery.',
      ['result'],
    );
    this.sent = counter('otp_sent_total', 'Codes the gateway handed to a vendor.', [
      'channel',
      'country',
    ]);
    this.verified = counter(
      'otp_verified_total',
      'Phone factor verifications Okta reported, by the country of the delivery they follow.',
      ['channel', 'country'],
    );
  }

  event(eventType: string): void {
    this.events.inc({ event_type: EVENT_TYPE.test(eventType) ? eventType : 'invalid' });
  }

  repeat(): void {
    this.repeats.inc();
  }

  fallback(channel: Channel, country: string | null): void {
    byCountry(this.fallbacks, channel, country);
  }

  deniedByOkta(channel: Channel, country: string | null): void {
    byCountry(this.denied, channel, country);
  }

  correlation(result: Correlation): void {
    this.correlations.inc({ result });
  }

  codeSent(channel: Channel, country: string | undefined): void {
    byCountry(this.sent, channel, country);
  }

  codeVerified(channel: Channel, country: string | undefined): void {
    byCountry(this.verified, channel, country);
  }
}

function byCountry(
  counter: Counter<'channel' | 'country'>,
  channel: Channel,
  country: string | null | undefined,
): void {
  counter.inc({ channel, country: country ?? 'unknown' });
}
