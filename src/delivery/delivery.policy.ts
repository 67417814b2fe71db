import { answerTimeLeft } from './deadline';
import { DeliveryClock } from './delivery.types';

/**
 * What delivery must know of its caller's contract with Okta: how long the answer may take, the
 * margin kept free at its end to write it, and the SMS text when Okta sends none. The composition
 * root provides it from `hook.*`, so delivery never reads the hook's config.
 */
export class DeliveryPolicy {
  constructor(
    readonly deadlineMs: number,
    readonly answerMarginMs: number,
    readonly defaultSmsTemplate: string,
  ) {}

  /** Milliseconds left, now, before the answer of the delivery timed by `clock` must be written. */
  timeLeft(clock: DeliveryClock): number {
    return answerTimeLeft(performance.now(), clock.deadlineAt, this.answerMarginMs);
  }
}
