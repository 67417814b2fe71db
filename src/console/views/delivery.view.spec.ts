import { DeliveryRecord } from '../../delivery/delivery-record';
import { ConsoleSession } from '../console-session';
import { deliveryPage } from './delivery.view';

const session: ConsoleSession = {
  user: { subject: '00uSUPPORT', name: 'support@example.com', groups: ['otg-support'] },
  createdAt: 0,
  seenAt: 0,
  csrf: 'csrf-token',
};

const record: DeliveryRecord = {
  deliveryId: 'd-1',
  transactionId: 'SM123',
  providerId: 'twilio-main',
  outcome: 'sent',
  status: 'undelivered',
  statusAt: '2026-05-01T09:30:05.000Z',
  requestType: 'com.okta.user.telephony.mfa-verification',
  channel: 'sms',
  country: 'GB',
  to: '+44********56',
  okta: { eventId: 'evt-1', userId: '00uJANE', login: 'jane@example.com' },
  attempts: [{ providerId: 'twilio-main', outcome: 'sent', latencyMs: 120 }],
  createdAt: '2026-05-01T09:30:00.000Z',
  durationMs: 130,
  history: [
    {
      kind: 'receipt',
      at: '2026-05-01T09:30:05.000Z',
      providerId: 'twilio-main',
      status: 'undelivered',
      vendorStatus: 'undelivered',
      errorCode: '30003',
      applied: true,
    },
    {
      kind: 'okta-event',
      at: '2026-05-01T09:30:06.000Z',
      eventType: 'system.sms.send_phone_verification_message',
      result: 'SUCCESS',
      published: '2026-05-01T09:30:01.000Z',
    },
  ],
};

describe(deliveryPage.name, () => {
  it('should end the timeline with the vendor receipts and Okta’s events, in order', () => {
    const text = deliveryPage(session, record, () => 'twilio')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');

    expect(text).toContain('Sent through twilio-main; last status undelivered');
    const steps = [
      'Okta asked for a code',
      'Protection allowed it',
      'Attempt 1: twilio-main (twilio) accepted the message 120 ms',
      'Okta was answered: sent',
      'Receipt from twilio-main: undelivered',
      'Vendor status undelivered, error code 30003',
      'Okta recorded system.sms.send_phone_verification_message',
      'Result SUCCESS',
    ];
    const positions = steps.map((step) => text.indexOf(step));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('should escape what it shows', () => {
    const hostile = { ...record, okta: { login: '<script>alert(1)</script>' }, history: [] };

    expect(deliveryPage(session, hostile, () => undefined)).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;',
    );
  });
});
