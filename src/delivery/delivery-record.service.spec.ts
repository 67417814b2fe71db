import { MemoryStore } from '../store/memory.store';
import { StoreConfig } from '../store/store.config';
import { DeliveryReceipt } from '../providers/provider-callbacks';
import { DeliveryRecordService, NewDeliveryRecord } from './delivery-record.service';

const record: NewDeliveryRecord = {
  deliveryId: 'd-1',
  transactionId: 'SM1',
  providerId: 'twilio-a',
  outcome: 'sent',
  status: 'queued',
  statusAt: '2026-11-22T10:00:00.000Z',
  channel: 'sms',
  country: 'US',
  to: '+1********71',
  okta: { eventId: 'e-1', userId: '00u1' },
  attempts: [{ providerId: 'twilio-a', outcome: 'sent', latencyMs: 12 }],
  createdAt: '2026-11-22T10:00:00.000Z',
  durationMs: 15,
};
const receipt = (status: DeliveryReceipt['status']): DeliveryReceipt => ({
  transactionId: 'SM1',
  status,
  vendorStatus: status,
});
const at = (second: number) => new Date(Date.UTC(2026, 10, 22, 10, 0, second));

describe(DeliveryRecordService.name, () => {
  let sut: DeliveryRecordService;
  beforeEach(async () => {
    sut = new DeliveryRecordService(new MemoryStore(1000), new StoreConfig());
    await sut.save(record);
  });

  it('should find a record by transaction id and by delivery id, and nothing else', async () => {
    expect(await sut.find('SM1')).toEqual({ ...record, history: [] });
    expect(await sut.find('d-1')).toEqual({ ...record, history: [] });
    expect(await sut.find('SM2')).toBeUndefined();
  });

  it('should move the status forward only, keeping every receipt in the history', async () => {
    expect(await sut.applyReceipt('twilio-a', receipt('sent'), at(1))).toBe('applied');
    expect(await sut.applyReceipt('twilio-a', receipt('delivered'), at(2))).toBe('applied');
    expect(await sut.applyReceipt('twilio-a', receipt('sent'), at(3))).toBe('stale');
    expect(await sut.applyReceipt('twilio-a', receipt('failed'), at(4))).toBe('stale');

    const found = await sut.find('SM1');
    expect(found).toMatchObject({ status: 'delivered', statusAt: '2026-11-22T10:00:02.000Z' });
    expect(
      found?.history.map((e) => [e.kind, 'status' in e && e.status, 'applied' in e && e.applied]),
    ).toEqual([
      ['receipt', 'sent', true],
      ['receipt', 'delivered', true],
      ['receipt', 'sent', false],
      ['receipt', 'failed', false],
    ]);
  });

  it('should ignore a receipt for an unknown transaction or from another provider', async () => {
    expect(await sut.applyReceipt('twilio-b', receipt('delivered'))).toBe('unknown');
    expect(
      await sut.applyReceipt('twilio-a', { ...receipt('delivered'), transactionId: 'SM9' }),
    ).toBe('unknown');
    expect(await sut.find('SM1')).toMatchObject({ status: 'queued', history: [] });
  });

  it('should attach Okta events to a known record only', async () => {
    const event = {
      at: '2026-11-22T10:00:05.000Z',
      eventType: 'system.sms.send_phone_verification_message',
      uuid: 'u-1',
      result: 'SUCCESS',
    };

    expect(await sut.attachEvent('SM1', event)).toBe(true);
    expect(await sut.attachEvent('nope', event)).toBe(false);
    expect((await sut.find('d-1'))?.history).toEqual([{ kind: 'okta-event', ...event }]);
  });
});
