import { validateConfig } from '../../config/validate-config';
import {
  inlineHookMatches,
  eventHookMatches,
  eventHookBody,
  EVENT_TYPES,
  telephonyHookBody,
  HookTarget,
} from './okta-hooks';
import { masked, inlineHookView } from './okta-views';

function target(sections: Record<string, unknown>, client: HookTarget['client'] = {}): HookTarget {
  const { config, problems } = validateConfig({
    providers: { c: { type: 'console' } },
    routing: { default: ['c'] },
    ...sections,
  });
  expect(problems).toEqual([]);
  return {
    name: 'Gateway',
    gatewayUrl: 'https://otp.acme.com',
    config,
    client,
  };
}

const headers = (secret: string) => ({
  headers: [{ name: 'x-otg-secret', secrets: [secret, 'next-secret-0123456789'] }],
});

describe(telephonyHookBody.name, () => {
  it('should use the first header secret, and find its own hook again by what Okta shows', () => {
    const sut = telephonyHookBody(target({ hook: { auth: headers('hook-secret-0123456789') } }));

    expect(sut.channel).toEqual({
      type: 'HTTP',
      version: '1.0.0',
      config: {
        uri: 'https://otp.acme.com/hooks/okta/telephony',
        method: 'POST',
        headers: [],
        authScheme: { type: 'HEADER', key: 'x-otg-secret', value: 'hook-secret-0123456789' },
      },
    });
    const shown = inlineHookView({ ...sut, id: 'cal1', status: 'ACTIVE' });
    expect(inlineHookMatches(shown, sut)).toBe(true);
    expect(
      inlineHookMatches({ ...shown, uri: 'https://old.acme.com/hooks/okta/telephony' }, sut),
    ).toBe(false);
    expect(
      inlineHookMatches({ ...shown, auth: { type: 'HEADER', key: 'authorization' } }, sut),
    ).toBe(false);
    expect(masked(sut)).toMatchObject({
      channel: { config: { authScheme: { value: '********' } } },
    });
  });

  it('should write a client_secret_post OAuth hook when only a client secret is given', () => {
    const oauth = {
      issuer: 'https://acme.okta.com/oauth2/aus1/',
      audience: 'api://otp',
      scopes: ['otp.send', 'otp.call'],
    };
    const sut = telephonyHookBody(
      target(
        { hook: { auth: { headers: [], oauth } } },
        { clientId: '0oa1', clientSecret: 'client-secret-value' },
      ),
    );

    expect(sut.channel.config).toEqual({
      uri: 'https://otp.acme.com/hooks/okta/telephony',
      method: 'POST',
      authType: 'client_secret_post',
      clientId: '0oa1',
      tokenUrl: 'https://acme.okta.com/oauth2/aus1/v1/token',
      scope: 'otp.send otp.call',
      clientSecret: 'client-secret-value',
      authScheme: null,
    });
    expect(JSON.stringify(masked(sut))).not.toContain('client-secret-value');
  });
});

describe(eventHookBody.name, () => {
  it('should subscribe to the events the gateway reads, and compare them in any order', () => {
    const sut = eventHookBody(target({ events: { auth: headers('event-secret-0123456789') } }));

    expect(EVENT_TYPES).toEqual([
      'system.sms.send_phone_verification_message',
      'system.voice.send_phone_verification_call',
      'user.authentication.auth_via_mfa',
      'user.mfa.factor.activate',
    ]);
    const shown = {
      id: 'who1',
      name: 'Gateway events',
      status: 'ACTIVE',
      uri: 'https://otp.acme.com/hooks/okta/events',
      authKey: 'X-OTG-SECRET',
      events: [...EVENT_TYPES].reverse(),
    };
    expect(sut && eventHookMatches(shown, sut)).toBe(true);
    expect(sut && eventHookMatches({ ...shown, events: EVENT_TYPES.slice(0, 2) }, sut)).toBe(false);
  });

  it('should not set up an event hook the gateway would refuse (no events secret)', () => {
    expect(eventHookBody(target({}))).toBeUndefined();
  });
});
