import { problemsOf, TWILIO_BLOCK as TWILIO } from '../../test/support/config-files';
import { checkVendorsForProduction } from './vendor-production-rules';

const PRODUCTION = { NODE_ENV: 'production' };
const HOOK = {
  auth: { headers: [{ name: 'authorization', secrets: ['hook-secret-0123456789'] }] },
};
/** The production problems of one routed provider block. */
function refusals(provider: Record<string, unknown>, env = PRODUCTION): readonly string[] {
  return problemsOf({ hook: HOOK, providers: { p: provider }, routing: { default: ['p'] } }, env);
}

describe(checkVendorsForProduction.name, () => {
  it('should accept real-looking credentials and https vendor URLs', () => {
    expect(refusals({ ...TWILIO, baseUrl: 'https://api.twilio.com' })).toEqual([]);
  });

  it('should refuse a plain-http vendor URL unless it is on this machine', () => {
    expect(refusals({ ...TWILIO, baseUrl: 'http://api.twilio.com' })).toEqual([
      'providers.p.baseUrl: must be an https URL in production (plain http only to this machine)',
    ]);
    expect(
      refusals({
        type: 'sinch',
        servicePlanId: 'plan0123',
        apiToken: 'sinch-api-token-0123456789',
        from: '+447700900100',
        channels: ['sms'],
        baseUrl: 'http://127.0.0.1:9000',
        voiceBaseUrl: 'http://calling.example.com',
      }),
    ).toEqual([
      'providers.p.voiceBaseUrl: must be an https URL in production (plain http only to this machine)',
    ]);
    expect(refusals({ ...TWILIO, baseUrl: 'http://localhost:9000' })).toEqual([]);
  });

  it('should accept a plain-http egress proxy, which tunnels TLS to the vendor', () => {
    expect(refusals({ ...TWILIO, proxyUrl: 'http://proxy.corp.example:3128' })).toEqual([]);
  });

  it.each([
    ['changeme'],
    ['your-auth-token'],
    ['YOUR_AUTH_TOKEN'],
    ['<auth token>'],
    ['${TWILIO_AUTH_TOKEN}'],
    ['xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    ['********************************'],
  ])('should refuse the placeholder %s as a credential', (token) => {
    // A literal ${…} reaches the value through the $${ escape, as a forgotten template would.
    const authToken = token.replace('${', () => '$${');
    expect(refusals({ ...TWILIO, authToken })).toEqual([
      'providers.p.authToken: a placeholder, not a credential; refused in production',
    ]);
  });

  it('should refuse a credential shorter than its vendor documents, and only where it does', () => {
    expect(refusals({ ...TWILIO, authToken: 'twilio-auth-token' })).toEqual([
      'providers.p.authToken: shorter than a Twilio Auth Token (32 characters); refused in production',
    ]);
    expect(
      refusals({
        type: 'vonage',
        apiKey: 'abcd1234',
        apiSecret: 'abc12',
        from: 'Acme',
        channels: ['sms'],
      }),
    ).toEqual([
      'providers.p.apiSecret: shorter than a Vonage API secret (6 to 32 characters); refused in production',
    ]);
    expect(
      refusals({ type: 'telnyx', apiKey: 'k1', from: '+18445550001', channels: ['sms'] }),
    ).toEqual([]);
  });

  it("should refuse placeholders in Telesign's, 8x8's and Azure's credentials, and an http Azure endpoint", () => {
    const providers = {
      ts: { type: 'telesign', customerId: 'ACME-1', apiKey: 'changeme', channels: ['sms'] },
      ex: {
        type: '8x8',
        apiKey: 'your-8x8-api-key',
        subAccountId: 'acme-sms',
        channels: ['sms'],
        callbackAuthorization: 'Bearer xxxxxxxxxxxxxxxx',
      },
      az: {
        type: 'azure-acs',
        endpoint: 'http://acme.communication.azure.com',
        from: '+18005550100',
        callbackSecret: 'your-event-grid-secret',
      },
    };
    const server = { publicUrl: 'https://otp.example.com' };
    const routing = { default: Object.keys(providers) };

    expect(problemsOf({ hook: HOOK, server, providers, routing }, PRODUCTION)).toEqual([
      'providers.ts.apiKey: a placeholder, not a credential; refused in production',
      'providers.ex.apiKey: a placeholder, not a credential; refused in production',
      'providers.ex.callbackAuthorization: a placeholder, not a credential; refused in production',
      'providers.az.endpoint: must be an https URL in production (plain http only to this machine)',
      'providers.az.callbackSecret: a placeholder, not a credential; refused in production',
    ]);
  });

  it('should look into the headers and basic auth of an HTTP vendor', () => {
    const http = {
      type: 'http',
      channels: ['sms'],
      baseUrl: 'https://api.acme-sms.example',
      template: { to: '{{to}}', text: '{{text}}' },
    };

    expect(
      refusals({
        ...http,
        headers: { Authorization: 'Bearer your-api-key', 'Content-Type': 'application/json' },
        basicAuth: { username: 'acme', password: 'changeme' },
      }),
    ).toEqual([
      'providers.p.headers.Authorization: a placeholder, not a credential; refused in production',
      'providers.p.basicAuth.password: a placeholder, not a credential; refused in production',
    ]);
  });

  it('should refuse nothing of this outside production', () => {
    expect(
      refusals(
        { ...TWILIO, authToken: 'changeme', baseUrl: 'http://api.twilio.com' },
        {} as typeof PRODUCTION,
      ),
    ).toEqual([]);
  });
});
