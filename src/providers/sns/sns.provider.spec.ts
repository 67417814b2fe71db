import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Agent as HttpsAgent } from 'node:https';
import { awsClientSettings } from '../kit/aws/aws-client';
import { OtpMessage } from '../telephony-provider';
import { SnsConfig } from './sns.config';
import { SnsProvider, snsVendor } from './sns.provider';

const config = (fields: Record<string, unknown> = {}): SnsConfig =>
  plainToInstance(
    SnsConfig,
    { type: 'sns', region: 'eu-west-1', ...fields },
    { exposeDefaultValues: true },
  );

const message: OtpMessage = {
  to: '+447400123456',
  channel: 'sms',
  code: '123456',
  text: 'Your code is 123456',
  deliveryId: 'd-1',
};

const provider = (settings: SnsConfig) =>
  new SnsProvider('sns', ['sms'], settings, awsClientSettings(settings));

describe(SnsProvider.name, () => {
  const opened: SnsProvider[] = [];
  const sut = (fields?: Record<string, unknown>) => {
    const built = provider(config(fields));
    opened.push(built);
    return built;
  };

  afterAll(() => Promise.all(opened.map((p) => p.close())));

  it('should publish to the number as a transactional SMS', () => {
    expect(sut().publishInput(message)).toEqual({
      PhoneNumber: '+447400123456',
      Message: 'Your code is 123456',
      MessageAttributes: {
        'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
      },
    });
  });

  it('should add the sender id, origination number and max price when configured', () => {
    const input = sut({
      senderId: 'ACME',
      originationNumber: '+15005550006',
      maxPrice: 0.5,
    }).publishInput(message);

    expect(input.MessageAttributes).toEqual({
      'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
      'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'ACME' },
      'AWS.MM.SMS.OriginationNumber': { DataType: 'String', StringValue: '+15005550006' },
      'AWS.SNS.SMS.MaxPrice': { DataType: 'Number', StringValue: '0.5' },
    });
  });
});

describe(awsClientSettings.name, () => {
  it('should turn SDK retries off, size the keep-alive pool and keep static credentials', () => {
    const sut = awsClientSettings(
      config({
        baseUrl: 'http://127.0.0.1:4566',
        maxSockets: 7,
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'secret',
      }),
    );

    expect(sut).toMatchObject({
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:4566',
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret' },
      maxAttempts: 1,
    });
    expect(sut.requestHandler.httpsAgent).toBeInstanceOf(HttpsAgent);
    expect(sut.requestHandler.httpsAgent.maxSockets).toBe(7);
    // Node keeps the option on the agent; its type does not declare it.
    expect((sut.requestHandler.httpAgent as unknown as { keepAlive: boolean }).keepAlive).toBe(
      true,
    );
    sut.requestHandler.httpAgent.destroy();
    sut.requestHandler.httpsAgent.destroy();
  });

  it('should leave credentials to the SDK default chain when none are configured', () => {
    const sut = awsClientSettings(config());

    expect(sut.credentials).toBeUndefined();
    expect(sut.endpoint).toBeUndefined();
    sut.requestHandler.httpAgent.destroy();
    sut.requestHandler.httpsAgent.destroy();
  });
});

describe('snsVendor config', () => {
  const problems = (fields: Record<string, unknown>) => {
    const settings = config(fields);
    const invalid = validateSync(settings).map((e) => e.property);
    return [...invalid, ...(snsVendor.check?.(settings, ['sms'], {} as never) ?? [])];
  };

  it('should accept a Region alone (default credential chain)', () => {
    expect(problems({})).toEqual([]);
  });

  it('should refuse a bad Region, sender id, number or price, and half a key pair', () => {
    expect(problems({ region: 'Ireland' })).toEqual(['region']);
    expect(problems({ senderId: 'TWELVE-CHARS' })).toEqual(['senderId']);
    expect(problems({ senderId: '12345' })).toEqual(['senderId']);
    expect(problems({ originationNumber: '5005550006' })).toEqual(['originationNumber']);
    expect(problems({ maxPrice: 'cheap' })).toEqual(['maxPrice']);
    expect(problems({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE' })).toEqual([
      'accessKeyId: `accessKeyId` and `secretAccessKey` go together',
    ]);
  });
});
