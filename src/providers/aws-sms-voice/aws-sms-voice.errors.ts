import { AwsErrorTable, AwsSdkError, sdkMessage } from '../kit/aws/aws.errors';
import { ProviderErrorCode } from '../provider-error';

const { InvalidRecipient, OptedOut, VendorConfig, RateLimited, Transient } = ProviderErrorCode;

/** Members the SDK copies from End User Messaging error bodies (ValidationException, ConflictException). */
interface ReasonedError extends AwsSdkError {
  readonly Reason?: unknown;
  readonly Fields?: unknown;
}

/** SendTextMessage / SendVoiceMessage exceptions (pinpoint-sms-voice-v2-2022-03-31.json). */
const BY_NAME: Readonly<Record<string, ProviderErrorCode>> = {
  AccessDeniedException: VendorConfig,
  ResourceNotFoundException: VendorConfig,
  ServiceQuotaExceededException: VendorConfig,
  ThrottlingException: RateLimited,
  InternalServerException: Transient,
};

export const AWS_SMS_VOICE_ERRORS: AwsErrorTable = {
  service: 'AWS End User Messaging',
  classify(name, error) {
    const { Reason: reason, Fields: fields } = error as ReasonedError;
    if (name === 'ConflictException') {
      return reason === 'DESTINATION_PHONE_NUMBER_OPTED_OUT' ? OptedOut : VendorConfig;
    }
    if (name === 'ValidationException') {
      const aboutNumber =
        namesField(fields, 'DestinationPhoneNumber') ||
        /\bDestinationPhoneNumber\b/.test(sdkMessage(error));
      return aboutNumber ? InvalidRecipient : VendorConfig;
    }
    return BY_NAME[name];
  },
};

/** Whether a ValidationException's `Fields` blame this input member. */
function namesField(fields: unknown, member: string): boolean {
  return (
    Array.isArray(fields) &&
    fields.some((field) => (field as { Name?: unknown } | null)?.Name === member)
  );
}
