import { validateConfig } from '../config/validate-config';
import { ProviderRegistryConfig } from './provider-registry.config';
import { ProviderRegistry } from './provider.registry';

/** Two console providers, `routed` and `spare`; only the first is named by a route. */
function registry(): ProviderRegistry {
  const { config, problems } = validateConfig({
    providers: { routed: { type: 'console' }, spare: { type: 'console' } },
    routing: { default: ['routed'] },
  });
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return new ProviderRegistry(
    new ProviderRegistryConfig(config.providers, undefined, config.outbound, new Set(['routed'])),
  );
}

describe(ProviderRegistry.name, () => {
  it('should build the routed providers, with their breakers, and no other, at boot', () => {
    const sut = registry();

    expect(sut.all().map((p) => p.id)).toEqual(['routed']);
    expect(sut.breakerStates()).toEqual({ routed: 'closed' });
    expect(sut.get('routed').provider.id).toBe('routed');
    expect(() => sut.get('spare')).toThrow('unknown provider spare');
  });

  it('should build an unrouted provider when a callback asks for it, once', () => {
    const sut = registry();

    const spare = sut.find('spare');

    expect(spare?.id).toBe('spare');
    expect(sut.find('spare')).toBe(spare);
    expect(sut.all().map((p) => p.id)).toEqual(['routed', 'spare']);
    expect(sut.breakerStates()).toEqual({ routed: 'closed', spare: 'closed' });
    expect(sut.find('ghost')).toBeUndefined();
    expect(sut.find('__proto__')).toBeUndefined();
  });

  it('should tell the vendor of a provider without building it', () => {
    const sut = registry();

    expect([sut.typeOf('spare'), sut.typeOf('ghost')]).toEqual(['console', undefined]);
    expect(sut.all().map((p) => p.id)).toEqual(['routed']);
  });
});
