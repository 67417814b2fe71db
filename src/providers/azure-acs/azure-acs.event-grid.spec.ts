import { CallbackRequest } from '../provider-callbacks';
import { eventGridAnswer, hasCallbackSecret } from './azure-acs.event-grid';

const SECRET = 'event-grid-secret-0123456789';
const request = (
  params: Record<string, string>,
  headers: Record<string, string> = {},
): CallbackRequest => ({
  method: 'POST',
  url: 'https://otp.example.com/callbacks/az/status',
  headers,
  rawBody: Buffer.alloc(0),
  params,
});
const report = (data: Record<string, unknown>) => ({
  id: 'e-1',
  eventType: 'Microsoft.Communication.SMSDeliveryReportReceived',
  data,
});

describe(hasCallbackSecret.name, () => {
  it('should accept the secret as ?token= or as a Bearer Authorization header', () => {
    expect(hasCallbackSecret(SECRET, request({ token: SECRET }))).toBe(true);
    expect(hasCallbackSecret(SECRET, request({}, { authorization: `Bearer ${SECRET}` }))).toBe(
      true,
    );
  });

  it.each([
    ['nothing', request({})],
    ['another token', request({ token: 'guess' })],
    ['a Basic header', request({}, { authorization: `Basic ${SECRET}` })],
  ])('should refuse %s', (_name, given) => {
    expect(hasCallbackSecret(SECRET, given)).toBe(false);
  });
});

describe(eventGridAnswer.name, () => {
  it("should answer the subscription validation handshake with Event Grid's code", () => {
    const validation = [
      {
        eventType: 'Microsoft.EventGrid.SubscriptionValidationEvent',
        data: { validationCode: 'C0DE' },
      },
    ];

    expect(eventGridAnswer(validation)).toEqual({
      kind: 'document',
      document: { contentType: 'application/json', body: '{"validationResponse":"C0DE"}' },
    });
  });

  it('should read delivery reports in camelCase and PascalCase, and skip other events', () => {
    const events = [
      report({
        messageId: 'Outgoing_1',
        deliveryStatus: 'Delivered',
        receivedTimestamp: '2026-11-22T00:22:20.2855749Z',
      }),
      report({ MessageId: 'Outgoing_2', DeliveryStatus: 'Failed' }),
      report({ messageId: 'Outgoing_3', deliveryStatus: 'constructor' }),
      { eventType: 'Microsoft.Communication.SMSReceived', data: { messageId: 'Incoming_1' } },
    ];

    expect(eventGridAnswer(events)).toEqual({
      kind: 'receipts',
      receipts: [
        {
          transactionId: 'Outgoing_1',
          status: 'delivered',
          vendorStatus: 'Delivered',
          occurredAt: '2026-11-22T00:22:20.285Z',
        },
        { transactionId: 'Outgoing_2', status: 'undelivered', vendorStatus: 'Failed' },
      ],
    });
  });

  it('should find nothing in a body that is not an array of events', () => {
    expect(eventGridAnswer({ eventType: 'x' })).toEqual({ kind: 'receipts', receipts: [] });
  });
});
