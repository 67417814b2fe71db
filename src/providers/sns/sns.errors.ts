import { AwsErrorTable, sdkMessage } from '../kit/aws/aws.errors';
import { ProviderErrorCode } from '../provider-error';

const { InvalidRecipient, OptedOut, VendorConfig, RateLimited, Transient } = ProviderErrorCode;

/** Publish exceptions (sns-2010-03-31.json, vendors.md §8.2) that say more than the status. */
const BY_NAME: Readonly<Record<string, ProviderErrorCode>> = {
  OptedOutException: OptedOut,
  AuthorizationErrorException: VendorConfig,
  InvalidSecurityException: VendorConfig,
  ThrottledException: RateLimited,
  KMSThrottlingException: RateLimited,
  InternalErrorException: Transient,
};

/** Parameter errors: the number's fault when they name PhoneNumber, else our request's. */
const PARAMETER_ERRORS = new Set([
  'InvalidParameterException',
  'InvalidParameterValueException',
  'ValidationException',
]);

export const SNS_ERRORS: AwsErrorTable = {
  service: 'Amazon SNS',
  classify(name, error) {
    if (PARAMETER_ERRORS.has(name)) {
      // SNS says which parameter in its message ("Invalid parameter: PhoneNumber Reason: ...").
      return /\bPhoneNumber\b/.test(sdkMessage(error)) ? InvalidRecipient : VendorConfig;
    }
    return BY_NAME[name];
  },
};
