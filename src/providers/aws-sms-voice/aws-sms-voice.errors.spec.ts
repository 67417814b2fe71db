import {
  AccessDeniedException,
  ConflictException,
  InternalServerException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { awsError } from '../kit/aws/aws.errors';
import { ProviderErrorCode } from '../provider-error';
import { AWS_SMS_VOICE_ERRORS } from './aws-sms-voice.errors';

const { InvalidRecipient, OptedOut, VendorConfig, RateLimited, Transient } = ProviderErrorCode;
const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });
const message = 'The destination +14155552671 is not valid';
const live = new AbortController().signal;

describe('AWS_SMS_VOICE_ERRORS', () => {
  it.each([
    [
      'a ValidationException naming DestinationPhoneNumber in Fields',
      new ValidationException({
        message,
        Reason: 'INVALID_PARAMETER',
        Fields: [{ Name: 'DestinationPhoneNumber', Message: message }],
        ...meta(400),
      }),
      InvalidRecipient,
    ],
    [
      'a ValidationException naming DestinationPhoneNumber in its message',
      new ValidationException({
        message: 'DestinationPhoneNumber is invalid',
        Reason: 'CANNOT_PARSE',
        ...meta(400),
      }),
      InvalidRecipient,
    ],
    [
      'a ValidationException about the sender',
      new ValidationException({
        message: 'no',
        Reason: 'INVALID_IDENTITY_FOR_DESTINATION_COUNTRY',
        ...meta(400),
      }),
      VendorConfig,
    ],
    [
      'an opted-out destination',
      new ConflictException({
        message,
        Reason: 'DESTINATION_PHONE_NUMBER_OPTED_OUT',
        ...meta(400),
      }),
      OptedOut,
    ],
    [
      'an unverified destination (sandbox)',
      new ConflictException({
        message,
        Reason: 'DESTINATION_PHONE_NUMBER_NOT_VERIFIED',
        ...meta(400),
      }),
      VendorConfig,
    ],
    [
      'access denied',
      new AccessDeniedException({ message, Reason: 'ACCOUNT_DISABLED', ...meta(403) }),
      VendorConfig,
    ],
    [
      'a missing origination',
      new ResourceNotFoundException({ message, ...meta(404) }),
      VendorConfig,
    ],
    [
      'the monthly spend limit',
      new ServiceQuotaExceededException({
        message,
        Reason: 'MONTHLY_SPEND_LIMIT_REACHED_FOR_TEXT',
        ...meta(402),
      }),
      VendorConfig,
    ],
    ['throttling', new ThrottlingException({ message, ...meta(400) }), RateLimited],
    ['an internal error', new InternalServerException({ message, ...meta(500) }), Transient],
  ])('should classify %s', (_name, exception, expected) => {
    const sut = awsError(exception, live, AWS_SMS_VOICE_ERRORS);

    expect(sut.code).toBe(expected);
    expect(sut.details).toEqual({
      vendorCode: exception.name,
      httpStatus: exception.$metadata.httpStatusCode,
    });
    expect(sut.message).not.toContain('4155552671');
  });

  it('should say which error it was in our own words', () => {
    const exception = new ConflictException({
      message,
      Reason: 'DESTINATION_PHONE_NUMBER_OPTED_OUT',
      ...meta(400),
    });

    expect(awsError(exception, live, AWS_SMS_VOICE_ERRORS).message).toBe(
      'AWS End User Messaging says the recipient opted out (ConflictException, HTTP 400)',
    );
  });
});
