import { twilioReceipts } from './twilio.receipts';

const SM = 'SM0123456789abcdef0123456789abcdef';
const CA = 'CA0123456789abcdef0123456789abcdef';

describe(twilioReceipts.name, () => {
  it.each([
    ['queued', 'queued'],
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'delivered'],
    ['undelivered', 'undelivered'],
    ['failed', 'failed'],
    ['canceled', 'failed'],
  ])('should map the message status %s to %s', (vendorStatus, status) => {
    expect(twilioReceipts({ MessageSid: SM, SmsSid: SM, MessageStatus: vendorStatus })).toEqual([
      { transactionId: SM, status, vendorStatus },
    ]);
  });

  it('should keep the error code of an undelivered message', () => {
    expect(
      twilioReceipts({ MessageSid: SM, MessageStatus: 'undelivered', ErrorCode: '30003' }),
    ).toEqual([
      { transactionId: SM, status: 'undelivered', vendorStatus: 'undelivered', errorCode: '30003' },
    ]);
  });

  it.each([
    ['ringing', 'sent'],
    ['completed', 'delivered'],
    ['busy', 'undelivered'],
    ['no-answer', 'undelivered'],
    ['failed', 'failed'],
  ])('should map the call status %s to %s, with the time of the event', (vendorStatus, status) => {
    expect(
      twilioReceipts({
        CallSid: CA,
        CallStatus: vendorStatus,
        Timestamp: 'Sun, 22 Nov 2026 12:35:01 +0000',
      }),
    ).toEqual([
      { transactionId: CA, status, vendorStatus, occurredAt: '2026-11-22T12:35:01.000Z' },
    ]);
  });

  it.each([
    ['an inbound message status', { MessageSid: SM, MessageStatus: 'received' }],
    ['a status Twilio may add later', { MessageSid: SM, MessageStatus: 'teleported' }],
    ['no sid', { MessageStatus: 'delivered' }],
    ['a repeated sid', { MessageSid: [SM, SM], MessageStatus: 'delivered' }],
    ['an inherited property name', { MessageSid: SM, MessageStatus: 'constructor' }],
  ])('should find no receipt in %s', (_name, params) => {
    expect(twilioReceipts(params)).toEqual([]);
  });
});
