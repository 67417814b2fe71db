import { Injectable } from '@nestjs/common';
import { Counter, Histogram, Registry } from 'prom-client';
import { METRIC_PREFIX } from '../observability/metrics.module';
import { ReceiptResult } from './delivery-record.service';
import { DeliveryStatus } from './delivery-record';

/** Minutes matter for an OTP: buckets from one second to half an hour. */
const DELIVERY_BUCKETS = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1800];

/**
 * Where deliveries end: `otg_delivery_final_status_total{status,provider,country}` (once per
 * delivery, when a receipt makes its status final, or at once when nothing was sent),
 * `otg_delivery_time_to_delivered_seconds{provider,channel}` (from the vendor's acceptance to
 * the delivered receipt's arrival) and `otg_delivery_receipts_total{provider,result}`.
 */
@Injectable()
export class DeliveryStatusMetrics {
  private readonly finals: Counter<'status' | 'provider' | 'country'>;
  private readonly toDelivered: Histogram<'provider' | 'channel'>;
  private readonly receipts: Counter<'provider' | 'result'>;

  constructor(registry: Registry) {
    this.finals = new Counter({
      name: `${METRIC_PREFIX}delivery_final_status_total`,
      help: 'Deliveries by final status (delivered, undelivered, failed, blocked), provider and destination country.',
      labelNames: ['status', 'provider', 'country'],
      registers: [registry],
    });
    this.toDelivered = new Histogram({
      name: `${METRIC_PREFIX}delivery_time_to_delivered_seconds`,
      help: 'From the vendor accepting a message or call to its delivered receipt.',
      labelNames: ['provider', 'channel'],
      buckets: DELIVERY_BUCKETS,
      registers: [registry],
    });
    this.receipts = new Counter({
      name: `${METRIC_PREFIX}delivery_receipts_total`,
      help: 'Verified vendor receipts: applied (moved the status), stale (too late) or unknown (no such delivery).',
      labelNames: ['provider', 'result'],
      registers: [registry],
    });
  }

  receipt(provider: string, result: ReceiptResult): void {
    this.receipts.inc({ provider, result });
  }

  /** A delivery reached a final status; `provider` is `none` when no provider accepted it. */
  final(status: DeliveryStatus, provider: string, country: string | undefined): void {
    this.finals.inc({ status, provider, country: country ?? 'unknown' });
  }

  delivered(provider: string, channel: string, seconds: number): void {
    this.toDelivered.observe({ provider, channel }, Math.max(0, seconds));
  }
}
