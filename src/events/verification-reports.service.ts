import { Injectable, Logger } from '@nestjs/common';
import { ProviderError } from '../providers/provider-error';
import { ProviderRegistry } from '../providers/provider.registry';
import { reportsVerification } from '../providers/verification-report';
import { DeliveryIndexStore } from './delivery-index.store';
import { IndexedDelivery } from './delivery-matcher';

/** The vendor is slow to answer or down: the report is dropped, never retried. */
const REPORT_TIMEOUT_MS = 5000;

/**
 * Tells a delivery's vendor that Okta reported its code verified, when the provider wants to
 * hear it (providers/verification-report.ts: Twilio Verify with custom codes). Once per
 * delivery across replicas; a failure is logged and dropped (the verification is then left to
 * expire at the vendor, as one never verified is).
 */
@Injectable()
export class VerificationReports {
  private readonly logger = new Logger('OktaEvents');

  constructor(
    private readonly providers: ProviderRegistry,
    private readonly index: DeliveryIndexStore,
  ) {}

  async report(delivery: IndexedDelivery): Promise<void> {
    const sentBy = delivery.sentBy;
    const provider = sentBy ? this.providers.find(sentBy.providerId) : undefined;
    if (!sentBy || !provider || !reportsVerification(provider)) return;
    // Sent without an id the vendor gave (a 2xx we could not read): nothing there to report on.
    if (sentBy.transactionId === delivery.deliveryId) return;
    if (!(await this.index.claimVerified(delivery.deliveryId))) return;
    const fields = { deliveryId: delivery.deliveryId, provider: sentBy.providerId };
    try {
      await provider.reportVerified(sentBy.transactionId, AbortSignal.timeout(REPORT_TIMEOUT_MS));
      this.logger.log(fields, 'verification reported to vendor');
    } catch (error) {
      this.logger.warn({ ...fields, ...failure(error) }, 'verification not reported to vendor');
    }
  }
}

/** What a failed report says in the log: the class and the vendor's code, never its text. */
function failure(error: unknown): Record<string, unknown> {
  if (!(error instanceof ProviderError))
    return { problem: error instanceof Error ? error.name : 'unknown' };
  const { httpStatus, vendorCode } = error.details;
  return { outcome: error.code, httpStatus, vendorCode };
}
