import { Logger } from '@nestjs/common';
import { ProviderRegistry } from '../providers/provider.registry';
import { ProviderError, ProviderErrorCode } from '../providers/provider-error';
import { TelephonyProvider } from '../providers/telephony-provider';
import { MemoryStore } from '../store/memory.store';
import { StoreConfig } from '../store/store.config';
import { DeliveryIndexStore } from './delivery-index.store';
import { IndexedDelivery } from './delivery-matcher';
import { EventsConfig } from './events.config';
import { VerificationReports } from './verification-reports.service';

Logger.overrideLogger(false);

const delivery = (deliveryId: string, providerId = 'verify'): IndexedDelivery => ({
  deliveryId,
  at: new Date().toISOString(),
  channel: 'sms',
  outcome: 'sent',
  sentBy: { providerId, transactionId: `VE-${deliveryId}` },
});

describe(VerificationReports.name, () => {
  let reported: string[];
  let failNext: Error | undefined;
  let sut: VerificationReports;

  beforeEach(() => {
    reported = [];
    failNext = undefined;
    const verify = {
      id: 'verify',
      reportVerified: (transactionId: string, signal: AbortSignal) => {
        if (failNext) return Promise.reject(failNext);
        reported.push(`${transactionId} ${signal.aborted}`);
        return Promise.resolve();
      },
    };
    const plain: Partial<TelephonyProvider> = { id: 'plain' };
    const providers = {
      find: (id: string) => ({ verify, plain })[id],
    } as unknown as ProviderRegistry;
    const index = new DeliveryIndexStore(
      new MemoryStore(100),
      new StoreConfig(),
      new EventsConfig(),
    );
    sut = new VerificationReports(providers, index);
  });

  it('should tell the provider once, however often the delivery is verified', async () => {
    await sut.report(delivery('d-1'));
    await sut.report(delivery('d-1'));
    await sut.report(delivery('d-2'));

    expect(reported).toEqual(['VE-d-1 false', 'VE-d-2 false']);
  });

  it('should leave alone providers that do not want to hear it, deliveries nobody sent and unknown providers', async () => {
    await sut.report(delivery('d-3', 'plain'));
    await sut.report({ ...delivery('d-4'), sentBy: undefined });
    await sut.report(delivery('d-5', 'gone'));

    expect(reported).toEqual([]);
  });

  it('should not report a delivery the vendor took without an id, which went under its delivery id', async () => {
    await sut.report({
      ...delivery('d-7'),
      sentBy: { providerId: 'verify', transactionId: 'd-7' },
    });

    expect(reported).toEqual([]);
  });

  it('should swallow a failed report, and not try that delivery again', async () => {
    failNext = new ProviderError(ProviderErrorCode.Transient, 'Twilio failed (HTTP 503)');
    await expect(sut.report(delivery('d-6'))).resolves.toBeUndefined();
    failNext = undefined;

    await sut.report(delivery('d-6'));

    expect(reported).toEqual([]);
  });
});
