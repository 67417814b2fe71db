import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { AWS_TEST_CREDENTIALS } from './support/fakes/aws.fake';
import { FakeSns } from './support/fakes/sns.fake';
import { FakeSts, STS_TEMPORARY_CREDENTIALS } from './support/fakes/sts.fake';
import { HOOK_SECRET, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';
import {
  countingAwsSdkModules,
  listeningUrl,
  RunningProcess,
  runMain,
  writeConfig,
} from './support/process';
import { tempDir } from './support/temp-dir';

const ROLE_ARN = 'arn:aws:iam::123456789012:role/okta-telephony-gateway';
const dir = tempDir('otg-aws-');
/** Shared config files that do not exist, so the host's ~/.aws cannot take part. */
const ISOLATED = {
  AWS_CONFIG_FILE: join(dir, 'no-config'),
  AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
  AWS_EC2_METADATA_DISABLED: 'true',
  NODE_OPTIONS: countingAwsSdkModules(),
};

/** An SNS provider with no credentials in its block: the SDK's default chain must find them. */
function snsOnly(fake: FakeSns): string {
  return writeConfig(
    testConfig({
      providers: { sns: { type: 'sns', region: 'eu-central-1', baseUrl: fake.url } },
      routing: { default: ['sns'] },
    }),
  );
}

async function sendAndStop(proc: RunningProcess): Promise<{ body: unknown; stderr: string }> {
  try {
    const url = await listeningUrl(proc);
    const res = await request(url)
      .post('/hooks/okta/telephony')
      .set('authorization', HOOK_SECRET)
      .send(hookRequest())
      .expect(200);
    proc.child.kill('SIGTERM');
    await proc.exited;
    return { body: res.body, stderr: proc.stderr.join('') };
  } finally {
    proc.child.kill('SIGKILL');
  }
}

describe('AWS credentials and SDK loading (process)', () => {
  it('should not load the AWS SDK when no AWS provider is configured', async () => {
    const proc = runMain({ PORT: '0', ...ISOLATED });
    await listeningUrl(proc).finally(() => proc.child.kill('SIGTERM'));
    await proc.exited;

    expect(proc.stderr.join('')).toContain('aws-sdk modules loaded: 0\n');
  });

  it('should not load the AWS SDK for an AWS provider no route names, and say so at boot', async () => {
    const file = writeConfig(
      testConfig({
        providers: {
          console: { type: 'console' },
          'sns-spare': { type: 'sns', region: 'eu-central-1' },
        },
        routing: { default: ['console'] },
      }),
    );
    const proc = runMain({ CONFIG_FILE: file, ...ISOLATED });
    await listeningUrl(proc).finally(() => proc.child.kill('SIGTERM'));
    await proc.exited;

    expect(proc.stderr.join('')).toContain('aws-sdk modules loaded: 0\n');
    const warnings = proc.stdout
      .map((line) => JSON.parse(line) as { level: number; msg: string })
      .filter((entry) => entry.level === 40)
      .map((entry) => entry.msg);
    expect(warnings).toEqual([
      'providers.sns-spare: named by no route, so it sends nothing; add it to routing.default or a routing rule to use it',
    ]);
  });

  it('should sign with the credentials of the environment when the block has none', async () => {
    const sns = await FakeSns.start({ region: 'eu-central-1' });
    try {
      const proc = runMain({
        CONFIG_FILE: snsOnly(sns),
        AWS_ACCESS_KEY_ID: AWS_TEST_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: AWS_TEST_CREDENTIALS.secretAccessKey,
        ...ISOLATED,
      });

      const { body, stderr } = await sendAndStop(proc);

      expect(sns.problems).toEqual([]);
      expect(body).toMatchObject({
        commands: [{ value: [{ status: 'SUCCESSFUL', provider: 'sns' }] }],
      });
      expect(stderr).toMatch(/aws-sdk modules loaded: [1-9]\d*\n/);
    } finally {
      await sns.close();
    }
  });

  it('should assume the service account role through the web identity token file (IRSA)', async () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6b3RnOm90ZyJ9.c2ln';
    const tokenFile = join(dir, 'token');
    writeFileSync(tokenFile, token);
    const sts = await FakeSts.start(ROLE_ARN, token);
    const sns = await FakeSns.start({ region: 'eu-central-1', signer: STS_TEMPORARY_CREDENTIALS });
    try {
      const proc = runMain({
        CONFIG_FILE: snsOnly(sns),
        AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile,
        AWS_ROLE_ARN: ROLE_ARN,
        AWS_ENDPOINT_URL_STS: sts.url,
        ...ISOLATED,
      });

      const { body } = await sendAndStop(proc);

      expect(sts.problems).toEqual([]);
      expect(sts.server.requests).toHaveLength(1);
      expect(sns.problems).toEqual([]);
      expect(body).toMatchObject({
        commands: [{ value: [{ status: 'SUCCESSFUL', provider: 'sns' }] }],
      });
    } finally {
      await sns.close();
      await sts.close();
    }
  });
});
