import { Secret } from '../../../common/config-decorators';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches, MinLength } from 'class-validator';
import { ProviderConfig } from '../../provider.config';

/**
 * Settings every AWS provider has. Without `accessKeyId` the SDK's default credential chain
 * is used: environment, shared config files, IAM roles for service accounts
 * (`AWS_WEB_IDENTITY_TOKEN_FILE`), ECS and EC2 instance roles.
 */
export class AwsConfig extends ProviderConfig {
  /** AWS Region of the service endpoint, e.g. `us-east-1`. */
  @Matches(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, { message: 'must be an AWS Region such as us-east-1' })
  region!: string;
  /** Static credentials for hosts outside AWS; prefer the default chain where it works. */
  @IsOptional() @IsString() @MinLength(16) accessKeyId?: string;
  @Secret() @IsOptional() @IsString() @MinLength(1) secretAccessKey?: string;
  /** With temporary static credentials only. */
  @Secret() @IsOptional() @IsString() @MinLength(1) sessionToken?: string;
}

/** Problems with the credential keys, which only make sense together. */
export function awsCredentialProblems(config: AwsConfig): string[] {
  if (Boolean(config.accessKeyId) !== Boolean(config.secretAccessKey)) {
    return ['accessKeyId: `accessKeyId` and `secretAccessKey` go together'];
  }
  if (config.sessionToken && !config.accessKeyId) {
    return ['sessionToken: needs `accessKeyId` and `secretAccessKey`'];
  }
  return [];
}

/** A price written as a YAML number (`maxPrice: 0.50`) is kept as the string AWS expects. */
export const StringFromNumber = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'number' ? String(value) : value));
