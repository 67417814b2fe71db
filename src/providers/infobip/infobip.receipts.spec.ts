import { infobipReceipts } from './infobip.receipts';

const result = (
  groupName: string,
  name: string,
  error?: Record<string, unknown>,
): Record<string, unknown> => ({
  bulkId: 'BULK-1',
  messageId: 'MSG-1',
  to: '41793026727',
  sentAt: '2026-11-22T16:00:00.000+0100',
  doneAt: '2026-11-22T16:00:05.000+0100',
  status: { groupId: 3, groupName, id: 5, name },
  ...(error ? { error } : {}),
});

const NO_ERROR = { groupId: 0, groupName: 'OK', id: 0, name: 'NO_ERROR', permanent: false };

describe(infobipReceipts.name, () => {
  it.each([
    ['ACCEPTED', 'ACCEPTED', 'queued'],
    ['PENDING', 'PENDING_ACCEPTED', 'sent'],
    ['DELIVERED', 'DELIVERED_TO_HANDSET', 'delivered'],
  ])('should map group %s to %s', (groupName, name, expected) => {
    expect(infobipReceipts({ results: [result(groupName, name, NO_ERROR)] })).toEqual([
      {
        transactionId: 'MSG-1',
        status: expected,
        vendorStatus: name,
        occurredAt: '2026-11-22T16:00:05.000+0100',
      },
    ]);
  });

  it.each([
    ['UNDELIVERABLE', true, 'failed'],
    ['UNDELIVERABLE', false, 'undelivered'],
    ['EXPIRED', false, 'undelivered'],
    ['REJECTED', true, 'failed'],
  ])('should map group %s with permanent=%p to %s and keep the error name', (g, permanent, s) => {
    const error = {
      groupId: 1,
      groupName: 'HANDSET_ERRORS',
      id: 1,
      name: 'EC_UNKNOWN_SUBSCRIBER',
      permanent,
    };

    expect(infobipReceipts({ results: [result(g, `${g}_X`, error)] })).toEqual([
      {
        transactionId: 'MSG-1',
        status: s,
        vendorStatus: `${g}_X`,
        errorCode: 'EC_UNKNOWN_SUBSCRIBER',
        occurredAt: '2026-11-22T16:00:05.000+0100',
      },
    ]);
  });

  it('should read every result of a batched report and a voice report without doneAt', () => {
    const voice = {
      messageId: 'CALL-1',
      sentAt: '2026-11-22T16:01:00.000+0100',
      status: { groupId: 3, groupName: 'DELIVERED', id: 5, name: 'DELIVERED_TO_HANDSET' },
      error: { groupId: 0, groupName: 'OK', id: 5000, name: 'VOICE_ANSWERED', permanent: false },
    };

    expect(infobipReceipts({ results: [result('PENDING', 'PENDING_ENROUTE'), voice] })).toEqual([
      {
        transactionId: 'MSG-1',
        status: 'sent',
        vendorStatus: 'PENDING_ENROUTE',
        occurredAt: '2026-11-22T16:00:05.000+0100',
      },
      {
        transactionId: 'CALL-1',
        status: 'delivered',
        vendorStatus: 'DELIVERED_TO_HANDSET',
        occurredAt: '2026-11-22T16:01:00.000+0100',
      },
    ]);
  });

  it.each([
    ['no results', {}],
    ['results that are not a list', { results: 'x' }],
    ['an unknown group', { results: [result('TELEPORTED', 'X')] }],
    ['a result without messageId', { results: [{ status: { groupName: 'DELIVERED' } }] }],
    ['a null result', { results: [null] }],
    ['no body', undefined],
  ])('should find no receipt in %s', (_name, json) => {
    expect(infobipReceipts(json)).toEqual([]);
  });
});
