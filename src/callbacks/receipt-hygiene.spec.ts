import { cleanReceipt, receiptLogFields } from './receipt-hygiene';

const receipt = {
  transactionId: 'SM0123456789abcdef0123456789abcdef',
  status: 'undelivered' as const,
  vendorStatus: 'undelivered',
  errorCode: '30003',
  occurredAt: '2026-11-22T16:00:04.000+0000',
};

describe(cleanReceipt.name, () => {
  it('should keep what vendors document: status words, error codes, timestamps', () => {
    expect(cleanReceipt(receipt)).toEqual(receipt);
    expect(cleanReceipt({ ...receipt, errorCode: 'EC_ABSENT_SUBSCRIBER' }).errorCode).toBe(
      'EC_ABSENT_SUBSCRIBER',
    );
    expect(cleanReceipt({ ...receipt, vendorStatus: '200' }).vendorStatus).toBe('200');
  });

  it.each([
    ['a phone number', '+14155550123'],
    ['a code', '86420917'],
    ['a sentence', 'your code is 864209'],
  ])('should drop %s wherever a callback puts it', (_name, text) => {
    expect(
      cleanReceipt({ ...receipt, vendorStatus: text, errorCode: text, occurredAt: text }),
    ).toEqual({
      transactionId: receipt.transactionId,
      status: 'undelivered',
      vendorStatus: 'unrecognised',
    });
  });
});

describe(receiptLogFields.name, () => {
  it('should name a matched receipt’s id, and an unmatched one’s only when it is id-shaped', () => {
    expect(receiptLogFields(receipt, 'applied')).toEqual({ ...receipt, result: 'applied' });
    expect(receiptLogFields(receipt, 'unknown')).toEqual({ ...receipt, result: 'unknown' });
    expect(receiptLogFields({ ...receipt, transactionId: '14155550123' }, 'unknown')).toEqual({
      status: 'undelivered',
      vendorStatus: 'undelivered',
      errorCode: '30003',
      occurredAt: receipt.occurredAt,
      result: 'unknown',
    });
  });
});
