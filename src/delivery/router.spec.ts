import { Channel } from '../providers/channel';
import { ProviderRegistry, RegisteredProvider } from '../providers/provider.registry';
import { TelephonyProvider } from '../providers/telephony-provider';
import { Router } from './router';
import { RouteMatchConfig, RouteRuleConfig, RoutingConfig } from './routing.config';

const providers: Record<string, TelephonyProvider> = Object.fromEntries(
  (
    [
      ['sns', ['sms']],
      ['twilio', ['sms', 'voice']],
      ['vonage', ['sms', 'voice']],
    ] as [string, Channel[]][]
  ).map(([id, channels]) => [id, { id, type: id, channels, timeoutMs: 1000, send: jest.fn() }]),
);
const registry = {
  get: (id: string): Partial<RegisteredProvider> => ({ provider: providers[id] }),
} as unknown as ProviderRegistry;

const rule = (match: Partial<RouteMatchConfig>, ids: string[]): RouteRuleConfig =>
  Object.assign(new RouteRuleConfig(), {
    match: Object.assign(new RouteMatchConfig(), match),
    providers: ids,
  });

describe(Router.name, () => {
  const sut = new Router(
    Object.assign(new RoutingConfig(), {
      default: ['sns', 'twilio'],
      rules: [
        rule({ countries: ['GB', 'IE'], channels: ['sms'] }, ['vonage', 'twilio']),
        rule({ channels: ['voice'] }, ['vonage']),
        rule({ countries: [], channels: [] }, ['twilio']),
      ],
    }),
    registry,
  );
  const ids = (country: string | undefined, channel: Channel) =>
    sut.candidates(country, channel).map((p) => p.provider.id);

  it('should use the first rule whose countries and channels match', () => {
    expect(ids('GB', 'sms')).toEqual(['vonage', 'twilio']);
    expect(ids('GB', 'voice')).toEqual(['vonage']);
  });

  it('should treat an empty match list as matching anything', () => {
    expect(ids('US', 'sms')).toEqual(['twilio']);
  });

  it('should never match a country rule for a number without a country', () => {
    expect(ids(undefined, 'sms')).toEqual(['twilio']);
  });

  it('should use the default route and drop providers that lack the channel', () => {
    const noRules = new Router(
      Object.assign(new RoutingConfig(), { default: ['sns', 'twilio'], rules: [] }),
      registry,
    );

    expect(noRules.candidates('US', 'sms').map((p) => p.provider.id)).toEqual(['sns', 'twilio']);
    expect(noRules.candidates('US', 'voice').map((p) => p.provider.id)).toEqual(['twilio']);
  });
});
