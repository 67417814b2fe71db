import { VendorResponse } from '../kit/http/vendor-http.client';
import { ProviderErrorCode } from '../provider-error';
import { infobipRefusal, infobipSmsError, infobipVoiceError } from './infobip.errors';

const answer = (status: number, body: unknown): VendorResponse => ({
  status,
  headers: {},
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

const v3 = (errorCode: string, property?: string) => ({
  errorCode,
  description: 'Request cannot be processed.',
  action: 'Check the syntax, violations and adjust the request.',
  violations: property ? [{ property, violation: 'invalid number +41793026727' }] : [],
  resources: [],
});

describe(infobipSmsError.name, () => {
  it.each([
    [400, v3('E400', 'messages[0].destinations[0].to'), ProviderErrorCode.InvalidRecipient],
    [400, v3('E400', 'messages[0].content.text'), ProviderErrorCode.VendorConfig],
    [400, v3('E400'), ProviderErrorCode.VendorConfig],
    [401, v3('E401'), ProviderErrorCode.VendorConfig],
    [403, v3('E403'), ProviderErrorCode.VendorConfig],
    [429, v3('E429'), ProviderErrorCode.RateLimited],
    [500, v3('E500'), ProviderErrorCode.Transient],
  ])('should classify HTTP %i %j as %s', (status, body, expected) => {
    const error = infobipSmsError(answer(status, body));

    expect(error.code).toBe(expected);
    expect(error.details).toEqual({
      httpStatus: status,
      vendorCode: body.errorCode,
      retryAfterMs: undefined,
    });
    expect(error.message).not.toContain('793026727');
  });
});

describe(infobipVoiceError.name, () => {
  const v2 = (messageId: string) => ({
    requestError: { serviceException: { messageId, text: 'text' } },
  });

  it.each([
    [400, 'BAD_REQUEST', ProviderErrorCode.VendorConfig],
    [401, 'UNAUTHORIZED', ProviderErrorCode.VendorConfig],
    [403, 'FORBIDDEN', ProviderErrorCode.VendorConfig],
    [429, 'TOO_MANY_REQUESTS', ProviderErrorCode.RateLimited],
    [500, 'GENERAL_ERROR', ProviderErrorCode.Transient],
    [503, 'SOMETHING_NEW', ProviderErrorCode.Transient],
  ])('should classify HTTP %i %s as %s', (status, messageId, expected) => {
    const error = infobipVoiceError(answer(status, v2(messageId)));

    expect(error.code).toBe(expected);
    expect(error.details.vendorCode).toBe(messageId);
  });

  it('should classify by status when the body is not JSON', () => {
    const error = infobipVoiceError(answer(502, '<html>bad gateway</html>'));

    expect(error.code).toBe(ProviderErrorCode.Transient);
    expect(error.message).toBe('Infobip failed (HTTP 502)');
  });
});

describe(infobipRefusal.name, () => {
  it.each([
    ['REJECTED', 'REJECTED_PREFIX_MISSING', ProviderErrorCode.InvalidRecipient],
    ['REJECTED', 'REJECTED_NOT_ENOUGH_CREDITS', ProviderErrorCode.VendorConfig],
    ['REJECTED', 'REJECTED_SENDER', ProviderErrorCode.VendorConfig],
    ['REJECTED', 'REJECTED_DESTINATION', ProviderErrorCode.VendorConfig],
    ['REJECTED', 'REJECTED_NETWORK', ProviderErrorCode.VendorConfig],
    ['REJECTED', 'REJECTED_SOMETHING_NEW', ProviderErrorCode.VendorConfig],
    ['UNDELIVERABLE', 'UNDELIVERABLE_REJECTED_OPERATOR', ProviderErrorCode.Transient],
    ['EXPIRED', 'EXPIRED_EXPIRED', ProviderErrorCode.Transient],
  ])('should classify a 200 in group %s (%s) as %s', (groupName, name, expected) => {
    const error = infobipRefusal(answer(200, {}), { groupId: 5, groupName, id: 1, name });

    expect(error?.code).toBe(expected);
    expect(error?.details).toEqual({ httpStatus: 200, vendorCode: name, retryAfterMs: undefined });
  });

  it.each(['PENDING', 'ACCEPTED', 'DELIVERED', undefined])(
    'should see no refusal in group %p',
    (groupName) => {
      expect(infobipRefusal(answer(200, {}), { groupName, name: 'X' })).toBeUndefined();
    },
  );
});
