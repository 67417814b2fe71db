import { Injectable, Logger } from '@nestjs/common';
import { PhoneNumberInfo } from '../phone/phone-number';
import { NewDeliveryRecord } from './delivery-record.service';

/** A feature that wants to know of every delivery (the event hook indexes them for Okta's events). */
export interface DeliveryObserver {
  /** Called once per delivery, with its record; the answer to Okta waits for it like for the record. */
  delivered(record: NewDeliveryRecord, phone?: PhoneNumberInfo): Promise<void>;
}

/**
 * When an observer is told: `before-answer` (the answer to Okta waits for it, like for the
 * record: what Okta's event may need seconds later) or `after-answer` (started once the
 * answer's turn of the event loop is over: what only people read later, such as search indexes).
 */
export type ObserverTiming = 'before-answer' | 'after-answer';

/**
 * Whoever observes this application's deliveries. Delivery knows no observer: a feature that
 * wants to be told joins here when its module starts (EventsModule), so delivery never imports it.
 */
@Injectable()
export class DeliveryObservers {
  private readonly logger = new Logger('DeliveryObservers');
  private readonly before: DeliveryObserver[] = [];
  private readonly after: DeliveryObserver[] = [];

  add(observer: DeliveryObserver, timing: ObserverTiming = 'before-answer'): void {
    (timing === 'before-answer' ? this.before : this.after).push(observer);
  }

  async notify(record: NewDeliveryRecord, phone?: PhoneNumberInfo): Promise<void> {
    if (this.after.length > 0) setImmediate(() => this.notifyAfterAnswer(record, phone));
    await Promise.all(this.before.map((observer) => observer.delivered(record, phone)));
  }

  /** A failure is logged, never thrown: the answer has gone. */
  private notifyAfterAnswer(record: NewDeliveryRecord, phone?: PhoneNumberInfo): void {
    for (const observer of this.after) {
      observer.delivered(record, phone).catch((error: unknown) =>
        this.logger.warn(
          {
            deliveryId: record.deliveryId,
            problem: error instanceof Error ? error.message : 'unknown',
          },
          'delivery observer failed after the answer',
        ),
      );
    }
  }
}
