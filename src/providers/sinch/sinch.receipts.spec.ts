import { sinchReceipts } from './sinch.receipts';

const report = (status: string, code = 0): Record<string, unknown> => ({
  type: 'recipient_delivery_report_sms',
  batch_id: '01HF4WG1TAVS351YYD7Q84K8HA',
  recipient: '14155552671',
  code,
  status,
  at: '2026-11-22T12:34:56.789Z',
  client_reference: 'd-1',
});

describe(sinchReceipts.name, () => {
  it.each([
    ['Queued', 'queued'],
    ['Dispatched', 'sent'],
    ['Unknown', 'sent'],
    ['Delivered', 'delivered'],
  ])('should map %s to %s without an error code', (status, expected) => {
    expect(sinchReceipts(report(status))).toEqual([
      {
        transactionId: '01HF4WG1TAVS351YYD7Q84K8HA',
        status: expected,
        vendorStatus: status,
        occurredAt: '2026-11-22T12:34:56.789Z',
      },
    ]);
  });

  it.each([
    ['Failed', 'undelivered'],
    ['Expired', 'undelivered'],
    ['Rejected', 'failed'],
    ['Aborted', 'failed'],
    ['Cancelled', 'failed'],
    ['Deleted', 'failed'],
  ])('should map %s to %s with the detailed code', (status, expected) => {
    expect(sinchReceipts(report(status, 402))).toEqual([
      {
        transactionId: '01HF4WG1TAVS351YYD7Q84K8HA',
        status: expected,
        vendorStatus: status,
        errorCode: '402',
        occurredAt: '2026-11-22T12:34:56.789Z',
      },
    ]);
  });

  it.each([
    ['a batch summary', { type: 'delivery_report_sms', batch_id: 'b', statuses: [] }],
    ['an unknown status', report('Teleported')],
    ['a status inherited from Object', report('toString')],
    ['no body', undefined],
    ['a string', 'Delivered'],
  ])('should find no receipt in %s', (_name, json) => {
    expect(sinchReceipts(json)).toEqual([]);
  });
});
