import {
  FakeSinch,
  SINCH_CALLBACK_SECRET,
  sinchDeliveryReport,
  sinchProvider,
} from './support/fakes/sinch.fake';
import { takeProblems } from './support/fakes/vendor-fake';
import {
  FakeTwilio,
  TWILIO_SID,
  twilioMessageStatus,
  twilioProvider,
  twilioStatusCallback,
} from './support/fakes/twilio.fake';
import { DeliveryView, eventHookConfig, OktaAndSupport } from './support/event-hook';
import { Gateway, startGateway } from './support/gateway';
import { metric } from './support/metrics';
import { hookRequest } from './support/okta';

const PUBLIC_URL = 'https://otp.example.com';
const TWILIO_STATUS_URL = `${PUBLIC_URL}/callbacks/tw/status`;

describe('vendor delivery receipts (e2e)', () => {
  let twilio: FakeTwilio;
  let sinch: FakeSinch;
  let gateway: Gateway;
  let okta: OktaAndSupport;
  const deliver = (body: Record<string, unknown>) => okta.deliver(body);
  const record = (id: string) => okta.record(id);

  const twilioCallback = (params: Record<string, string>, token?: string) => {
    const signed = twilioStatusCallback(TWILIO_STATUS_URL, params, token);
    return gateway.http().post('/callbacks/tw/status').set(signed.headers).send(signed.body);
  };
  const sinchCallback = (batchId: string, status: string, secret?: string) => {
    const report = sinchDeliveryReport(batchId, status, secret);
    return gateway.http().post('/callbacks/sinch/status').set(report.headers).send(report.body);
  };
  const statuses = (view: DeliveryView) =>
    view.history.map((r) => [r.vendorStatus, r.status, r.applied]);

  beforeAll(async () => {
    twilio = await FakeTwilio.start();
    sinch = await FakeSinch.start();
    gateway = await startGateway(
      eventHookConfig({
        server: { port: 0, publicUrl: PUBLIC_URL },
        providers: {
          tw: twilioProvider(twilio),
          sinch: sinchProvider(sinch, { callbackSecret: SINCH_CALLBACK_SECRET }),
        },
        routing: {
          default: ['tw'],
          rules: [{ match: { countries: ['GB'] }, providers: ['sinch'] }],
        },
      }),
    );
    okta = new OktaAndSupport(gateway);
  });

  afterEach(() => {
    expect(twilio.problems).toEqual([]);
    expect(takeProblems(sinch)).toEqual([]);
  });

  afterAll(async () => {
    await gateway.close();
    await twilio.close();
    await sinch.close();
  });

  it('should ask Twilio for status callbacks at the public URL', async () => {
    await deliver(hookRequest());

    expect(twilio.form(twilio.requests.length - 1).StatusCallback).toBe(TWILIO_STATUS_URL);
  });

  it('should move a Twilio message forward on signed callbacks, ignore a late one and refuse a forged one', async () => {
    const sid = await deliver(hookRequest({ phoneNumber: '+14155552671' }));
    const before = {
      delivered: await metric(gateway, 'otg_delivery_final_status_total', {
        status: 'delivered',
        provider: 'tw',
        country: 'US',
      }),
      timed: await metric(gateway, 'otg_delivery_time_to_delivered_seconds_count', {
        provider: 'tw',
        channel: 'sms',
      }),
    };
    expect((await record(sid)).status).toBe('queued');

    await twilioCallback(twilioMessageStatus(sid, 'sent')).expect(200);
    expect((await record(sid)).status).toBe('sent');
    await twilioCallback(twilioMessageStatus(sid, 'delivered')).expect(200);
    const delivered = await record(sid);
    await twilioCallback(twilioMessageStatus(sid, 'sent')).expect(200);
    const forged = await twilioCallback(
      twilioMessageStatus(sid, 'undelivered', { ErrorCode: '30003' }),
      'guessed-auth-token',
    ).expect(403);

    expect(forged.body).toEqual({
      error: { errorSummary: 'Request signature is not valid', errorCauses: [] },
    });
    const after = await record(sid);
    expect(after.status).toBe('delivered');
    expect(after.statusAt).toBe(delivered.statusAt);
    expect(statuses(after)).toEqual([
      ['sent', 'sent', true],
      ['delivered', 'delivered', true],
      ['sent', 'sent', false],
    ]);
    expect(
      await metric(gateway, 'otg_delivery_final_status_total', {
        status: 'delivered',
        provider: 'tw',
        country: 'US',
      }),
    ).toBe(before.delivered + 1);
    expect(
      await metric(gateway, 'otg_delivery_time_to_delivered_seconds_count', {
        provider: 'tw',
        channel: 'sms',
      }),
    ).toBe(before.timed + 1);
  });

  it('should keep the error code of an undelivered Twilio message', async () => {
    const sid = await deliver(hookRequest({ phoneNumber: '+14155552672' }));

    await twilioCallback(twilioMessageStatus(sid, 'undelivered', { ErrorCode: '30003' })).expect(
      200,
    );

    const view = await record(sid);
    expect(view.status).toBe('undelivered');
    expect(view.history).toEqual([
      {
        kind: 'receipt',
        at: expect.stringMatching(/^\d{4}-/),
        providerId: 'tw',
        transactionId: sid,
        status: 'undelivered',
        vendorStatus: 'undelivered',
        errorCode: '30003',
        applied: true,
      },
    ]);
  });

  it('should mark a Twilio call delivered when it completes', async () => {
    const sid = await deliver(
      hookRequest({ deliveryChannel: 'voice call', phoneNumber: '+14155552673' }),
    );

    await twilioCallback({
      AccountSid: TWILIO_SID,
      ApiVersion: '2010-04-01',
      CallSid: sid,
      CallStatus: 'completed',
      CallDuration: '14',
      Direction: 'outbound-api',
      CallbackSource: 'call-progress-events',
      Timestamp: 'Sun, 22 Nov 2026 12:35:01 +0000',
      SequenceNumber: '0',
    }).expect(200);

    const view = await record(sid);
    expect(view.status).toBe('delivered');
    expect(view.history[0]).toMatchObject({
      vendorStatus: 'completed',
      occurredAt: '2026-11-22T12:35:01.000Z',
    });
  });

  it('should acknowledge and ignore a signed receipt for a transaction it does not know', async () => {
    const unknown = await metric(gateway, 'otg_delivery_receipts_total', {
      provider: 'tw',
      result: 'unknown',
    });

    await twilioCallback(
      twilioMessageStatus('SM00000000000000000000000000000404', 'delivered'),
    ).expect(200);

    expect(
      await metric(gateway, 'otg_delivery_receipts_total', { provider: 'tw', result: 'unknown' }),
    ).toBe(unknown + 1);
  });

  it('should do the same for Sinch reports, signed with x-sinch-webhook-signature', async () => {
    const batchId = await deliver(hookRequest({ phoneNumber: '+447400123456' }));

    await sinchCallback(batchId, 'Dispatched').expect(200);
    expect((await record(batchId)).status).toBe('sent');
    await sinchCallback(batchId, 'Delivered').expect(200);
    await sinchCallback(batchId, 'Failed', 'guessed-secret').expect(403);
    await sinchCallback(batchId, 'Dispatched').expect(200);

    const view = await record(batchId);
    expect(view.status).toBe('delivered');
    expect(statuses(view)).toEqual([
      ['Dispatched', 'sent', true],
      ['Delivered', 'delivered', true],
      ['Dispatched', 'sent', false],
    ]);
    expect(
      await metric(gateway, 'otg_delivery_final_status_total', {
        status: 'delivered',
        provider: 'sinch',
        country: 'GB',
      }),
    ).toBe(1);
  });
});
