import { telesignReceipt } from './telesign.receipts';

const REF = '0123456789ABCDEF0123456789ABCDEF';
const callback = (code: number | string, extra: Record<string, unknown> = {}) => ({
  reference_id: REF,
  status: { code, description: 'text', updated_on: '2026-11-22T12:35:01.123456Z' },
  ...extra,
});

describe(telesignReceipt.name, () => {
  it.each([
    [290, 'queued'],
    [203, 'sent'],
    [200, 'delivered'],
    [105, 'queued'],
    [103, 'sent'],
    [100, 'delivered'],
  ])('should map status %s to %s', (code, status) => {
    expect(telesignReceipt(callback(code))).toEqual({
      transactionId: REF,
      status,
      vendorStatus: String(code),
      occurredAt: '2026-11-22T12:35:01.123Z',
    });
  });

  it.each([
    [207, 'undelivered'],
    [210, 'undelivered'],
    [221, 'undelivered'],
    [230, 'failed'],
    [237, 'failed'],
    [507, 'failed'],
    [101, 'undelivered'],
    [107, 'undelivered'],
    [106, 'failed'],
  ])('should map failure %s to %s with its code', (code, status) => {
    expect(telesignReceipt(callback(code))).toMatchObject({
      transactionId: REF,
      status,
      vendorStatus: String(code),
      errorCode: String(code),
    });
  });

  it.each([
    ['status not available (599)', callback(599)],
    ['a code inherited from Object', callback('constructor')],
    ['no reference id', { status: { code: 200 } }],
    ['no status', { reference_id: REF }],
    ['no body', undefined],
    ['an array', [callback(200)]],
  ])('should find no receipt in %s', (_name, json) => {
    expect(telesignReceipt(json)).toBeUndefined();
  });
});
