import { Inject, Injectable, Logger } from '@nestjs/common';
import { maskPhone } from '../phone/phone-number';
import { Screening } from '../protection/protection.types';
import { KEY_VALUE_STORE, KeyValueStore } from '../store/key-value-store';
import { DeliveryObservers } from './delivery-observers';
import { DeliveryRecordService, NewDeliveryRecord } from './delivery-record.service';
import { DeliveryStatusMetrics } from './delivery-status.metrics';
import { DeliveryPolicy } from './delivery.policy';
import { DeliveryClock, DeliveryOutcome, DeliveryRequest } from './delivery.types';
import { settleWrite } from './settle-write';

/**
 * The end of every delivery: one `delivery sent` / `delivery failed` log line, the delivery
 * record, and the delivery's observers told (the event hook indexes it for Okta's events), all
 * with the phone masked or tagged and never the code or the text.
 */
@Injectable()
export class DeliveryRecorder {
  private readonly logger = new Logger('DeliveryService');

  constructor(
    private readonly records: DeliveryRecordService,
    @Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore,
    private readonly policy: DeliveryPolicy,
    private readonly observers: DeliveryObservers,
    private readonly statuses: DeliveryStatusMetrics,
  ) {}

  async record(
    outcome: DeliveryOutcome,
    request: DeliveryRequest,
    screening: Screening,
    clock: DeliveryClock,
  ): Promise<void> {
    const record = toRecord(outcome, request, screening);
    this.log(record);
    if (record.outcome !== 'sent') this.statuses.final(record.status, 'none', record.country);
    const write = Promise.all([
      this.records.save(record),
      this.observers.notify(record, screening.phone),
    ]);
    await settleWrite(
      write,
      this.policy.timeLeft(clock),
      this.store.worstCaseMs,
      this.logger,
      'delivery record',
    );
  }

  private log(record: NewDeliveryRecord): void {
    const { deliveryId, outcome, channel, country, to, attempts, protection, durationMs } = record;
    const fields = {
      deliveryId,
      outcome,
      channel,
      country,
      to,
      attempts,
      protection,
      durationMs,
      ...(outcome === 'sent'
        ? { provider: record.providerId, transactionId: record.transactionId }
        : { cause: record.cause, reason: record.reason }),
    };
    if (outcome === 'sent') this.logger.log(fields, 'delivery sent');
    else this.logger.warn(fields, `delivery ${outcome}`);
  }
}

function toRecord(
  outcome: DeliveryOutcome,
  request: DeliveryRequest,
  { phone, verdict }: Screening,
): NewDeliveryRecord {
  const now = Date.now();
  const matched = verdict.action === 'blocked' || verdict.action === 'would-block';
  const common = {
    deliveryId: outcome.deliveryId,
    statusAt: new Date(now).toISOString(),
    requestType: request.requestType,
    channel: outcome.channel,
    country: phone?.country,
    to: phone ? maskPhone(phone.e164, phone.callingCode) : maskPhone(request.phoneNumber),
    okta: { eventId: request.eventId, userId: request.userId, login: request.userLogin },
    attempts: outcome.attempts,
    ...(matched ? { protection: { action: verdict.action, findings: verdict.findings } } : {}),
    createdAt: new Date(now - outcome.durationMs).toISOString(),
    durationMs: outcome.durationMs,
  };
  switch (outcome.kind) {
    case 'sent': // `...common` last, as in toOutcome: the hot path avoids V8's slow spread
      return {
        transactionId: outcome.transactionId,
        providerId: outcome.providerId,
        outcome: 'sent',
        status: 'queued',
        ...common,
      };
    case 'failed':
      return {
        ...common,
        transactionId: outcome.deliveryId,
        outcome: 'failed',
        status: 'failed',
        cause: outcome.cause,
        reason: outcome.reason,
      };
    case 'blocked':
      return {
        ...common,
        transactionId: outcome.deliveryId,
        outcome: 'blocked',
        status: 'blocked',
        cause: outcome.rule,
        reason: outcome.reason,
      };
  }
}
