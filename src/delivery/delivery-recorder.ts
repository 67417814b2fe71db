import { Inject, Injectable, Logger } from '@nestjs/common';
import { HookConfig } from '../hook/hook.config';
import { assignLogContext } from '../observability/log-context';
import { maskPhone, PhoneNumberInfo } from '../phone/phone-number';
import { DeliveryRecordService, NewDeliveryRecord } from '../records/delivery-record.service';
import { KEY_VALUE_STORE, KeyValueStore } from '../store/key-value-store';
import { DeliveryClock, DeliveryOutcome, DeliveryRequest } from './delivery.types';
import { answerTimeLeft } from './deadline';
import { settleWrite } from './settle-write';

/**
 * The end of every delivery: one `delivery sent` / `delivery failed` log line and the delivery
 * record, both with the phone masked and never the code or the text.
 */
@Injectable()
export class DeliveryRecorder {
  private readonly logger = new Logger('DeliveryService');

  constructor(
    private readonly records: DeliveryRecordService,
    @Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore,
    private readonly hook: HookConfig,
  ) {}

  async record(
    outcome: DeliveryOutcome,
    request: DeliveryRequest,
    phone: PhoneNumberInfo | undefined,
    clock: DeliveryClock,
  ): Promise<void> {
    const record = toRecord(outcome, request, phone);
    assignLogContext({ transactionId: record.transactionId });
    this.log(record);
    const write = this.records.save(record);
    await settleWrite(
      write,
      answerTimeLeft(performance.now(), clock.deadlineAt, this.hook.answerMarginMs),
      this.store.worstCaseMs,
      this.logger,
      'delivery record',
    );
  }

  private log(record: NewDeliveryRecord): void {
    const { deliveryId, outcome, channel, country, to, attempts, durationMs } = record;
    const fields = {
      deliveryId,
      outcome,
      channel,
      country,
      to,
      attempts,
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
  phone: PhoneNumberInfo | undefined,
): NewDeliveryRecord {
  const now = Date.now();
  const common = {
    deliveryId: outcome.deliveryId,
    statusAt: new Date(now).toISOString(),
    requestType: request.requestType,
    channel: outcome.channel,
    country: phone?.country,
    to: phone ? maskPhone(phone.e164, phone.callingCode) : maskPhone(request.phoneNumber),
    okta: { eventId: request.eventId, userId: request.userId },
    attempts: outcome.attempts,
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
