import { readQuery } from '../aws-query';
import { FakeResponse, RecordedRequest } from '../fake-server';
import { AwsCall, AwsFake, AwsFakeOptions, signerFor, xmlAnswer } from './aws.fake';

export const SNS_MODEL = 'aws/sns-2010-03-31.json';
const XMLNS = 'http://sns.amazonaws.com/doc/2010-03-31/';

/**
 * Amazon SNS on 127.0.0.1 (awsQuery): `POST /`, a form body with `Action=Publish` and
 * `Version=2010-03-31`, SigV4 for service `sns`, XML answers (vendors.md §8).
 */
export class FakeSns extends AwsFake {
  static start(options: AwsFakeOptions): Promise<FakeSns> {
    return AwsFake.serve(
      (server) => new FakeSns(server, signerFor('sns', options), SNS_MODEL),
      options.tls,
    );
  }

  protected read(request: RecordedRequest): { call?: AwsCall; problems: string[] } {
    const problems: string[] = [];
    if (request.method !== 'POST' || request.url !== '/') {
      problems.push(`unexpected ${request.method} ${request.url}`);
    }
    if (
      String(request.headers['content-type']).split(';')[0] !== 'application/x-www-form-urlencoded'
    ) {
      problems.push('body must be application/x-www-form-urlencoded');
    }
    const { action, input, problems: query } = readQuery(request.body, '2010-03-31', this.model);
    problems.push(...query);
    if (action !== 'Publish') problems.push(`Action must be Publish, not ${action || 'missing'}`);
    if (!input.PhoneNumber && !input.TopicArn && !input.TargetArn) {
      problems.push('Publish needs PhoneNumber, TopicArn or TargetArn');
    }
    return { call: { operation: action, input, request }, problems };
  }

  protected refusal(problems: string[]): FakeResponse {
    return snsError(400, 'InvalidParameter', `Invalid parameter: ${problems.join('; ')}`);
  }

  protected success(_call: AwsCall, sequence: number): FakeResponse {
    const messageId = `00000000-0000-4000-8000-${sequence.toString().padStart(12, '0')}`;
    return xmlAnswer(
      200,
      `<PublishResponse xmlns="${XMLNS}"><PublishResult><MessageId>${messageId}</MessageId></PublishResult><ResponseMetadata><RequestId>${requestId(sequence)}</RequestId></ResponseMetadata></PublishResponse>`,
    );
  }
}

/** SNS's documented XML error (vendors.md §8.2); `Type` is Receiver for 5xx. */
export function snsError(status: number, code: string, message = `error ${code}`): FakeResponse {
  const type = status >= 500 ? 'Receiver' : 'Sender';
  return xmlAnswer(
    status,
    `<ErrorResponse xmlns="${XMLNS}"><Error><Type>${type}</Type><Code>${code}</Code><Message>${message.replace(/[<&]/g, ' ')}</Message></Error><RequestId>${requestId(0)}</RequestId></ErrorResponse>`,
  );
}

function requestId(n: number): string {
  return `f187a3c1-376f-11df-8963-${n.toString().padStart(12, '0')}`;
}
