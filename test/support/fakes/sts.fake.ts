import { FakeResponse, FakeServer, RecordedRequest } from '../fake-server';
import { xmlAnswer } from './aws.fake';

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** Temporary credentials the fake STS hands out. */
export const STS_TEMPORARY_CREDENTIALS = {
  accessKeyId: 'ASIAIOSFODNN7TEMPKEY',
  secretAccessKey: 'temporary/K7MDENG/bPxRfiCYTEMPORARYKEY',
  sessionToken: 'FwoGZXIvYXdzEXAMPLESESSIONTOKEN',
} as const;

/**
 * AWS STS on 127.0.0.1, for IAM roles for service accounts: answers the unsigned awsQuery
 * `AssumeRoleWithWebIdentity` (RoleArn, RoleSessionName, WebIdentityToken, Version 2011-06-15)
 * with temporary credentials valid for an hour, when the token and role are the expected ones.
 */
export class FakeSts {
  readonly problems: string[] = [];

  private constructor(
    readonly server: FakeServer,
    private readonly roleArn: string,
    private readonly token: string,
  ) {}

  static async start(roleArn: string, token: string): Promise<FakeSts> {
    const holder: { fake?: FakeSts } = {};
    const server = await FakeServer.start((request) => holder.fake!.answer(request));
    return (holder.fake = new FakeSts(server, roleArn, token));
  }

  get url(): string {
    return this.server.url;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  private answer(request: RecordedRequest): FakeResponse {
    const form = new URLSearchParams(request.body);
    const problems = [
      ...(request.method === 'POST' && request.url === '/' ? [] : ['STS: POST / expected']),
      ...(form.get('Action') === 'AssumeRoleWithWebIdentity' ? [] : ['STS: wrong Action']),
      ...(form.get('Version') === '2011-06-15' ? [] : ['STS: Version must be 2011-06-15']),
      ...(form.get('RoleArn') === this.roleArn ? [] : ['STS: RoleArn is not the configured role']),
      ...(form.get('WebIdentityToken') === this.token ? [] : ['STS: wrong WebIdentityToken']),
      ...(/^[\w+=,.@-]{2,64}$/.test(form.get('RoleSessionName') ?? '')
        ? []
        : ['STS: bad RoleSessionName']),
    ];
    if (problems.length > 0) {
      this.problems.push(...problems);
      return xmlAnswer(
        400,
        `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code><Message>refused</Message></Error><RequestId>0</RequestId></ErrorResponse>`,
      );
    }
    const { accessKeyId, secretAccessKey, sessionToken } = STS_TEMPORARY_CREDENTIALS;
    const expiration = new Date(Date.now() + 3_600_000).toISOString();
    return xmlAnswer(
      200,
      `<AssumeRoleWithWebIdentityResponse xmlns="${XMLNS}"><AssumeRoleWithWebIdentityResult>` +
        `<Credentials><AccessKeyId>${accessKeyId}</AccessKeyId><SecretAccessKey>${secretAccessKey}</SecretAccessKey>` +
        `<SessionToken>${sessionToken}</SessionToken><Expiration>${expiration}</Expiration></Credentials>` +
        `<AssumedRoleUser><Arn>${this.roleArn.replace(':iam:', ':sts:').replace(':role/', ':assumed-role/')}/otg</Arn>` +
        `<AssumedRoleId>AROAEXAMPLEROLEID:otg</AssumedRoleId></AssumedRoleUser>` +
        `</AssumeRoleWithWebIdentityResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleWithWebIdentityResponse>`,
    );
  }
}
