import { Registry } from 'prom-client';
import { protectionParts } from '../../test/support/protection-parts';
import { HeaderAuthConfig } from '../auth/auth.config';
import { PhoneNumberInfo } from '../phone/phone-number';
import { DeliveryRecordService, NewDeliveryRecord } from '../delivery/delivery-record.service';
import { MemoryStore } from '../store/memory.store';
import { StoreConfig } from '../store/store.config';
import { DeliveryIndexStore } from './delivery-index.store';
import { EventCorrelator } from './event-correlator.service';
import { EventHookMetrics } from './event-hook.metrics';
import { EventsConfig } from './events.config';
import { normalizePhoneVerification } from './phone-verification.normalizer';

const NOW = new Date().toISOString();
const PHONE: PhoneNumberInfo = {
  e164: '+14155552671',
  country: 'US',
  callingCode: '1',
  valid: true,
  nonGeographic: false,
};

const record = (deliveryId: string, transactionId: string, userId?: string): NewDeliveryRecord => ({
  deliveryId,
  transactionId,
  providerId: 'tw',
  outcome: 'sent',
  status: 'queued',
  statusAt: NOW,
  channel: 'sms',
  country: 'US',
  to: '+1********71',
  okta: { eventId: `e-${deliveryId}`, userId },
  attempts: [],
  createdAt: NOW,
  durationMs: 100,
});
const event = (uuid: string, userId: string, debugData: Record<string, unknown> = {}) =>
  normalizePhoneVerification(
    {},
    {
      uuid,
      eventType: 'system.sms.send_phone_verification_message',
      published: NOW,
      outcome: { result: 'SUCCESS' },
      target: [{ id: userId, type: 'User' }],
      debugContext: { debugData: { phoneNumber: '+14155552671', ...debugData } },
    },
    'sms',
    {},
  );
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe(EventCorrelator.name, () => {
  let records: DeliveryRecordService;
  let store: MemoryStore;
  let sut: EventCorrelator;

  /** A correlator over a fresh store; `withEventHook` false: no `events.auth` configured. */
  const build = (withEventHook: boolean) => {
    store = new MemoryStore(1000);
    const events = new EventsConfig();
    if (withEventHook)
      events.auth.headers = [Object.assign(new HeaderAuthConfig(), { secrets: ['s'] })];
    records = new DeliveryRecordService(store, new StoreConfig());
    const index = new DeliveryIndexStore(store, new StoreConfig(), events);
    const metrics = new EventHookMetrics(new Registry());
    return new EventCorrelator(index, records, metrics, protectionParts({}).feedback, events);
  };

  beforeEach(() => (sut = build(true)));

  const saved = async (r: NewDeliveryRecord) => {
    await records.save(r);
    await sut.delivered(r, PHONE);
  };
  const uuids = async (id: string) =>
    (await records.find(id))?.history.map((e) => 'uuid' in e && e.uuid);

  it('should attach by the transaction id Okta names, else by user, number and time', async () => {
    await saved(record('d-1', 'SM1', '00uA'));
    await saved(record('d-2', 'SM2', '00uB'));

    expect(await sut.correlate(event('u-1', '00uZ', { transactionId: 'SM1' }))).toBe(
      'transaction-id',
    );
    expect(await sut.correlate(event('u-2', '00uB'))).toBe('user-phone');
    expect(await uuids('SM1')).toEqual(['u-1']);
    expect(await uuids('SM2')).toEqual(['u-2']);
  });

  it('should park an event that came first and attach it when its delivery is indexed', async () => {
    expect(await sut.correlate(event('u-early', '00uC'))).toBe('parked');

    await saved(record('d-3', 'SM3', '00uC'));
    await flush();

    expect(await uuids('SM3')).toEqual(['u-early']);
  });

  it('should attach an event once, however often it is correlated', async () => {
    await saved(record('d-4', 'SM4', '00uD'));

    await sut.correlate(event('u-once', '00uD'));
    await sut.correlate(event('u-once', '00uD', { transactionId: 'SM4' }));

    expect(await uuids('SM4')).toEqual(['u-once']);
  });

  it('should leave unmatched an event that names no user nor a known transaction', async () => {
    const anonymous = event('u-anon', '00uE');
    const withoutUser = { ...anonymous, facts: { ...anonymous.facts, userId: undefined } };

    expect(await sut.correlate(withoutUser)).toBe('unmatched');
  });

  it('should not index deliveries when no event hook is configured, as no event can come', async () => {
    sut = build(false);

    await saved(record('d-1', 'SM1', '00uA'));

    expect(await store.list('evt-idx:00uA')).toEqual([]);
  });
});
