import {
  AuthorizationErrorException,
  EndpointDisabledException,
  InternalErrorException,
  InvalidParameterException,
  InvalidParameterValueException,
  InvalidSecurityException,
  KMSThrottlingException,
  OptedOutException,
  ThrottledException,
  ValidationException,
} from '@aws-sdk/client-sns';
import { awsError } from '../kit/aws/aws.errors';
import { ProviderErrorCode } from '../provider-error';
import { SNS_ERRORS } from './sns.errors';

const { InvalidRecipient, OptedOut, VendorConfig, RateLimited, Transient } = ProviderErrorCode;
const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });
const NUMBER_MESSAGE =
  'Invalid parameter: PhoneNumber Reason: +14155552671 is not valid to publish to';
const live = new AbortController().signal;

describe('SNS_ERRORS', () => {
  it.each([
    [new InvalidParameterException({ message: NUMBER_MESSAGE, ...meta(400) }), InvalidRecipient],
    [
      new InvalidParameterValueException({ message: NUMBER_MESSAGE, ...meta(400) }),
      InvalidRecipient,
    ],
    [
      new ValidationException({
        message: 'PhoneNumber +14155552671 is invalid',
        Message: 'PhoneNumber +14155552671 is invalid',
        ...meta(400),
      }),
      InvalidRecipient,
    ],
    [
      new InvalidParameterException({
        message: 'Invalid parameter: MessageAttributes Reason: SenderID is not valid',
        ...meta(400),
      }),
      VendorConfig,
    ],
    [new OptedOutException({ message: 'Phone number is opted out', ...meta(400) }), OptedOut],
    [new AuthorizationErrorException({ message: 'not authorized', ...meta(403) }), VendorConfig],
    [new InvalidSecurityException({ message: 'insecure', ...meta(403) }), VendorConfig],
    [new EndpointDisabledException({ message: 'disabled', ...meta(400) }), VendorConfig],
    [new ThrottledException({ message: 'Rate exceeded', ...meta(429) }), RateLimited],
    [new KMSThrottlingException({ message: 'slow down', ...meta(400) }), RateLimited],
    [new InternalErrorException({ message: 'oops', ...meta(500) }), Transient],
  ])('should classify %p', (exception, expected) => {
    const sut = awsError(exception, live, SNS_ERRORS);

    expect(sut.code).toBe(expected);
    expect(sut.details).toEqual({
      vendorCode: exception.name,
      httpStatus: exception.$metadata.httpStatusCode,
    });
    expect(sut.message).not.toContain('4155552671');
  });

  it('should say which SNS error it was in our own words', () => {
    const exception = new InvalidParameterException({ message: NUMBER_MESSAGE, ...meta(400) });

    expect(awsError(exception, live, SNS_ERRORS).message).toBe(
      'Amazon SNS rejected the recipient (InvalidParameterException, HTTP 400)',
    );
  });
});
