import { VendorResponse } from '../kit/http/vendor-http.client';
import { ProviderError, ProviderErrorCode } from '../provider-error';
import { FailWhenConfig, GenericHttpResponseConfig } from './generic-http.config';
import { genericHttpError, isSuccessStatus } from './generic-http.errors';
import { readAccepted, valueAt } from './generic-http.response';

const answer = (status: number, body: unknown, retryAfterMs?: number): VendorResponse => ({
  status,
  headers: {},
  body: typeof body === 'string' ? body : JSON.stringify(body),
  retryAfterMs,
});

const statuses = (fields: Partial<GenericHttpResponseConfig> = {}): GenericHttpResponseConfig =>
  Object.assign(new GenericHttpResponseConfig(), fields);

describe(isSuccessStatus.name, () => {
  it.each([
    [200, undefined, true],
    [299, undefined, true],
    [302, undefined, false],
    [202, [201], false],
    [201, [201], true],
  ])('should say %i with successStatuses %p is %p', (status, list, expected) => {
    expect(isSuccessStatus(status, statuses({ successStatuses: list }))).toBe(expected);
  });
});

describe(genericHttpError.name, () => {
  const lists = statuses({
    optedOut: [409],
    invalidRecipient: [400, 422],
    rateLimited: [420],
    transient: [404],
  });

  it.each([
    [409, ProviderErrorCode.OptedOut, 'recipient opted out at HTTP vendor'],
    [400, ProviderErrorCode.InvalidRecipient, 'HTTP vendor rejected the recipient'],
    [422, ProviderErrorCode.InvalidRecipient, 'HTTP vendor rejected the recipient'],
    [420, ProviderErrorCode.RateLimited, 'HTTP vendor rate limit'],
    [404, ProviderErrorCode.Transient, 'HTTP vendor failed'],
    [429, ProviderErrorCode.RateLimited, 'HTTP vendor rate limit'],
    [503, ProviderErrorCode.Transient, 'HTTP vendor failed'],
    [401, ProviderErrorCode.VendorConfig, 'HTTP vendor refused this account or sender'],
    [302, ProviderErrorCode.VendorConfig, 'HTTP vendor refused this account or sender'],
  ])('should classify HTTP %i as %s', (status, expected, words) => {
    const error = genericHttpError(answer(status, { error: '+14155552671 bad' }), lists);

    expect(error.code).toBe(expected);
    expect(error.message).toBe(`${words} (HTTP ${status})`);
  });

  it('should keep Retry-After', () => {
    expect(genericHttpError(answer(429, '', 2000), statuses()).details.retryAfterMs).toBe(2000);
  });
});

describe(readAccepted.name, () => {
  it('should read the message id at messageIdPath, numbers too', () => {
    const body = { messages: [{ id: 'MSG-1' }, { id: 'MSG-2' }], n: { id: 42 } };

    expect(
      readAccepted(answer(200, body), statuses({ messageIdPath: 'messages.1.id' }), 'd'),
    ).toEqual({
      transactionId: 'MSG-2',
    });
    expect(readAccepted(answer(200, body), statuses({ messageIdPath: 'n.id' }), 'd')).toEqual({
      transactionId: '42',
    });
  });

  it('should answer our delivery id when no messageIdPath is configured', () => {
    expect(readAccepted(answer(202, 'queued'), statuses(), 'd-7')).toEqual({
      transactionId: 'd-7',
    });
  });

  it.each([
    ['a missing field', { messages: [] }],
    ['an object', { messages: [{ id: { x: 1 } }] }],
    ['an empty string', { messages: [{ id: '' }] }],
    ['a body that is not JSON', '<ok/>'],
  ])('should count a 2xx as sent, under our delivery id, when the id is %s', (_name, body) => {
    const read = () =>
      readAccepted(answer(200, body), statuses({ messageIdPath: 'messages.0.id' }), 'd-8');

    expect(read()).toEqual({
      transactionId: 'd-8',
      withoutVendorId: 'HTTP vendor answered 200 without a message id at response.messageIdPath',
    });
  });

  it('should fail with the configured class when failWhen matches inside a 200', () => {
    const failWhen = Object.assign(new FailWhenConfig(), {
      path: 'messages.0.status',
      values: ['4', 'rejected'],
      code: ProviderErrorCode.InvalidRecipient,
    });

    const read = (status: unknown) =>
      readAccepted(answer(200, { messages: [{ status }] }), statuses({ failWhen }), 'd');
    expect(() => read(4)).toThrow('HTTP vendor rejected the recipient (HTTP 200, code 4)');
    expect(() => read('rejected')).toThrow(ProviderError);
    expect(read('0')).toEqual({ transactionId: 'd' });
  });
});

describe(valueAt.name, () => {
  it.each([
    ['a.b', { a: { b: 1 } }, 1],
    ['a.0', { a: ['x'] }, 'x'],
    ['a.1', { a: ['x'] }, undefined],
    ['a.b', { a: 'text' }, undefined],
    ['constructor', {}, undefined],
    ['a', null, undefined],
  ])('should read %s', (path, json, expected) => {
    expect(valueAt(json, path)).toEqual(expected);
  });
});
