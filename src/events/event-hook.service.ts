import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { OktaEventHookDelivery } from './okta-log-event.types';
import { OktaEventProcessor } from './okta-event.processor';

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/** The answer to Okta's one-time verification request. */
export interface VerificationAnswer {
  readonly verification: string;
}

const CHALLENGE = /^[\x21-\x7e]{1,1024}$/;

/**
 * The event hook endpoint's two use cases: Okta's verification handshake, and accepting a
 * delivery, which is processed only after Okta has its empty 200 (Okta waits 3 s, and
 * best practice is to answer at once). Work still running at shutdown is awaited.
 */
@Injectable()
export class EventHookService implements BeforeApplicationShutdown {
  private readonly logger = new Logger('OktaEvents');
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly processor: OktaEventProcessor) {}

  /** Echoes `x-okta-verification-challenge` (okta-contract.md §4.1). */
  verify(challenge: string | undefined): VerificationAnswer {
    if (!challenge || !CHALLENGE.test(challenge)) {
      throw new ApiError(ApiErrorCode.InvalidRequest, [
        {
          location: 'x-okta-verification-challenge',
          reason: 'a verification challenge is required',
        },
      ]);
    }
    return { verification: challenge };
  }

  /** Takes a delivery; processing starts once the answer is on its way. */
  accept(delivery: OktaEventHookDelivery, headers: Headers): void {
    const work: Promise<void> = new Promise((resolve) => setImmediate(resolve))
      .then(() => this.processor.process(delivery, headers))
      .catch((error: unknown) =>
        this.logger.error(
          { problem: error instanceof Error ? error.name : 'unknown' },
          'okta events not processed',
        ),
      )
      .finally(() => this.running.delete(work));
    this.running.add(work);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }
}
