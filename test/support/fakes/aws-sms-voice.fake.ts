import { FakeResponse, RecordedRequest } from '../fake-server';
import { AwsCall, AwsFake, AwsFakeOptions, signerFor } from './aws.fake';

export const SMS_VOICE_MODEL = 'aws/pinpoint-sms-voice-v2-2022-03-31.json';
const OPERATIONS = ['SendTextMessage', 'SendVoiceMessage'];
const JSON_1_0 = 'application/x-amz-json-1.0';

/**
 * AWS End User Messaging SMS and Voice v2 on 127.0.0.1 (awsJson1_0): `POST /`,
 * `X-Amz-Target: PinpointSMSVoiceV2.<operation>`, a JSON input, SigV4 for service `sms-voice`,
 * JSON answers and errors typed by `__type` (vendors.md §8.3).
 */
export class FakeAwsSmsVoice extends AwsFake {
  static start(options: AwsFakeOptions): Promise<FakeAwsSmsVoice> {
    return AwsFake.serve(
      (server) => new FakeAwsSmsVoice(server, signerFor('sms-voice', options), SMS_VOICE_MODEL),
    );
  }

  protected read(request: RecordedRequest): { call?: AwsCall; problems: string[] } {
    const problems: string[] = [];
    if (request.method !== 'POST' || request.url !== '/') {
      problems.push(`unexpected ${request.method} ${request.url}`);
    }
    if (request.headers['content-type'] !== JSON_1_0)
      problems.push(`Content-Type must be ${JSON_1_0}`);
    const target = /^PinpointSMSVoiceV2\.(\w+)$/.exec(String(request.headers['x-amz-target']));
    const operation = target?.[1] ?? '';
    if (!OPERATIONS.includes(operation)) {
      problems.push(`X-Amz-Target must be PinpointSMSVoiceV2.${OPERATIONS.join('|')}`);
    }
    let input: unknown;
    try {
      input = JSON.parse(request.body);
    } catch {
      problems.push('body must be JSON');
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return { problems: [...problems, 'body must be a JSON object'] };
    }
    return { call: { operation, input: input as Record<string, unknown>, request }, problems };
  }

  protected refusal(problems: string[]): FakeResponse {
    return smsVoiceError(400, 'ValidationException', {
      Reason: 'FIELD_VALIDATION_FAILED',
      message: problems.join('; '),
    });
  }

  protected success(_call: AwsCall, sequence: number): FakeResponse {
    return {
      status: 200,
      headers: { 'content-type': JSON_1_0 },
      body: JSON.stringify({ MessageId: `msg-${sequence.toString().padStart(8, '0')}` }),
    };
  }
}

/** An awsJson1_0 error: `__type` names the exception, the other members are its fields. */
export function smsVoiceError(
  status: number,
  type: string,
  fields: Record<string, unknown> = {},
): FakeResponse {
  return {
    status,
    headers: { 'content-type': JSON_1_0 },
    body: JSON.stringify({
      __type: `com.amazonaws.pinpointsmsvoicev2#${type}`,
      message: `error ${type}`,
      ...fields,
    }),
  };
}
