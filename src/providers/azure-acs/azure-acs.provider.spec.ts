import { ServerConfig } from '../../common/server.config';
import { validateConfig } from '../../config/validate-config';
import { VendorHttpClient } from '../kit/http/vendor-http.client';
import { AzureAcsConfig } from './azure-acs.config';
import { parseConnectionString, withEndpoint } from './azure-acs.connection';
import { azureAcsVendor } from './azure-acs.provider';

const KEY = Buffer.from('key').toString('base64');
const config = (fields: Partial<AzureAcsConfig>): AzureAcsConfig =>
  Object.assign(new AzureAcsConfig(), { type: 'azure-acs', from: '+18005550100', ...fields });

describe(parseConnectionString.name, () => {
  it('should read endpoint and access key, in any case, and swap the endpoint', () => {
    const connection = parseConnectionString(
      `Endpoint=https://acme.communication.azure.com/;AccessKey=${KEY}`,
    );

    expect(connection).toEqual({
      endpoint: 'https://acme.communication.azure.com/',
      accessKey: KEY,
    });
    expect(withEndpoint(connection!, 'https://proxy.corp')).toBe(
      `endpoint=https://proxy.corp;accesskey=${KEY}`,
    );
  });

  it.each([
    ['no key', 'endpoint=https://acme.communication.azure.com/'],
    ['no endpoint', `accesskey=${KEY}`],
    ['a key that is not base64', 'endpoint=https://a/;accesskey=not base64!'],
    ['no URL', `endpoint=acme;accesskey=${KEY}`],
  ])('should refuse a string with %s', (_name, value) => {
    expect(parseConnectionString(value)).toBeUndefined();
  });
});

describe('azureAcsVendor.check', () => {
  const check = azureAcsVendor.check!;
  const server = Object.assign(new ServerConfig(), { publicUrl: 'https://otp.example.com' });

  it('should take a connection string, or an endpoint for Entra ID', () => {
    expect(
      check(config({ connectionString: `endpoint=https://a/;accesskey=${KEY}` }), ['sms'], server),
    ).toEqual([]);
    expect(
      check(config({ endpoint: 'https://acme.communication.azure.com' }), ['sms'], server),
    ).toEqual([]);
  });

  it('should name a bad connection string, no credential at all, and a secret without public URL', () => {
    expect(
      check(
        config({ connectionString: 'secret', callbackSecret: 'x'.repeat(16) }),
        ['sms'],
        new ServerConfig(),
      ),
    ).toEqual([
      'connectionString: must be `endpoint=https://…;accesskey=<base64 key>`',
      'callbackSecret: delivery receipts need server.publicUrl, the address vendors call back',
    ]);
    expect(check(config({}), ['sms'], server)).toEqual([
      'connectionString: Azure needs `connectionString`, or `endpoint` for Entra ID',
    ]);
  });
});

describe('azure-acs at boot', () => {
  it('should refuse a voice channel: the SMS SDK has no voice', () => {
    const { problems } = validateConfig({
      providers: {
        azure: {
          type: 'azure-acs',
          endpoint: 'https://acme.communication.azure.com',
          from: '+18005550100',
          channels: ['sms', 'voice'],
        },
      },
    });

    expect(problems).toContain('providers.azure.channels: azure-acs cannot deliver voice');
  });

  it('should build a provider that only sends SMS', () => {
    const sut = azureAcsVendor.create(
      'az',
      config({ endpoint: 'https://acme.communication.azure.com' }),
      {
        http: () => ({ close: () => Promise.resolve() }) as unknown as VendorHttpClient,
        callbackUrl: () => undefined,
      } as never,
    );

    expect([sut.type, sut.channels]).toEqual(['azure-acs', ['sms']]);
  });
});
