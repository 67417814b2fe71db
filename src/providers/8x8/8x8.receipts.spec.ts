import { eightByEightReceipt } from './8x8.receipts';

const UMID = '9e09ac86-bd74-5465-851d-1eb5a5fdbb9a';
const SESSION = '1f048a84-ea6d-11ee-911b-078f7290bf52';
const sms = (state: string, extra: Record<string, unknown> = {}) => ({
  namespace: 'SMS',
  eventType: 'outbound_message_status_changed',
  description: 'SMS outbound message delivery receipt',
  payload: {
    umid: UMID,
    clientMessageId: 'd-1',
    subAccountId: 'acme',
    destination: '+14155552671',
    status: { state, timestamp: '2026-11-22T12:35:01.12Z', ...extra },
  },
});
const voice = (sessionStatus: string, errorDetails?: Record<string, unknown>) => ({
  namespace: 'VOICE',
  eventType: 'SESSION_SUMMARY',
  description: 'Summary of a completed call session',
  payload: {
    sessionId: SESSION,
    sessionStatus,
    endTime: '2026-11-22T12:36:00Z',
    ...(errorDetails ? { errorDetails } : {}),
  },
});

describe(eightByEightReceipt.name, () => {
  it.each([
    ['queued', 'queued'],
    ['sent', 'sent'],
    ['delivered', 'delivered'],
    ['read', 'delivered'],
  ])('should map the SMS state %s to %s', (state, status) => {
    expect(eightByEightReceipt(sms(state, { detail: 'delivered_to_recipient' }))).toEqual({
      transactionId: UMID,
      status,
      vendorStatus: state,
      occurredAt: '2026-11-22T12:35:01.120Z',
    });
  });

  it('should keep the error code of an undelivered SMS', () => {
    expect(
      eightByEightReceipt(
        sms('undelivered', { errorCode: 15, errorMessage: 'Invalid destination' }),
      ),
    ).toEqual({
      transactionId: UMID,
      status: 'undelivered',
      vendorStatus: 'undelivered',
      errorCode: '15',
      occurredAt: '2026-11-22T12:35:01.120Z',
    });
  });

  it.each([
    ['COMPLETED', 'delivered', undefined],
    ['NO_ANSWER', 'undelivered', undefined],
    ['BUSY', 'undelivered', undefined],
    ['ERROR', 'failed', '-2004'],
  ])('should map the call session %s to %s', (sessionStatus, status, errorCode) => {
    const details = errorCode
      ? { errorMsg: 'No coverage', errorCode: Number(errorCode) }
      : undefined;

    expect(eightByEightReceipt(voice(sessionStatus, details))).toEqual({
      transactionId: SESSION,
      status,
      vendorStatus: sessionStatus,
      ...(errorCode ? { errorCode } : {}),
      occurredAt: '2026-11-22T12:36:00.000Z',
    });
  });

  it.each([
    [
      'an inbound SMS',
      { namespace: 'SMS', eventType: 'inbound_message_received', payload: { umid: UMID } },
    ],
    ['a state 8x8 may add later', sms('teleported')],
    ['a state inherited from Object', sms('constructor')],
    [
      'a call status webhook',
      { namespace: 'VOICE', eventType: 'CALL_STATUS', payload: { sessionId: SESSION } },
    ],
    ['no body', undefined],
  ])('should find no receipt in %s', (_name, json) => {
    expect(eightByEightReceipt(json)).toBeUndefined();
  });
});
