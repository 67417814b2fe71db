import { Injectable } from '@nestjs/common';
import { PhoneNumberInfo } from '../phone/phone-number';
import { NewDeliveryRecord } from './delivery-record.service';

/** A feature that wants to know of every delivery (the event hook indexes them for Okta's events). */
export interface DeliveryObserver {
  /** Called once per delivery, with its record; the answer to Okta waits for it like for the record. */
  delivered(record: NewDeliveryRecord, phone?: PhoneNumberInfo): Promise<void>;
}

/**
 * Whoever observes this application's deliveries. Delivery knows no observer: a feature that
 * wants to be told joins here when its module starts (EventsModule), so delivery never imports it.
 */
@Injectable()
export class DeliveryObservers {
  private readonly observers: DeliveryObserver[] = [];

  add(observer: DeliveryObserver): void {
    this.observers.push(observer);
  }

  async notify(record: NewDeliveryRecord, phone?: PhoneNumberInfo): Promise<void> {
    await Promise.all(this.observers.map((observer) => observer.delivered(record, phone)));
  }
}
