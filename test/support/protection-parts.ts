import { plainToInstance } from 'class-transformer';
import { Registry } from 'prom-client';
import { Clock, SYSTEM_CLOCK } from '../../src/common/clock';
import { AdaptivePolicy } from '../../src/protection/adaptive.policy';
import { KeyCounters } from '../../src/protection/key-counters';
import { ProtectionConfig } from '../../src/protection/protection.config';
import { ProtectionMetrics } from '../../src/protection/protection.metrics';
import { ProtectionService } from '../../src/protection/protection.service';
import { rateLimitPolicy } from '../../src/protection/rate-limiter.factory';
import { TrustRecords } from '../../src/protection/trust';
import { VerificationFeedback } from '../../src/protection/verification-feedback';
import { WatchList } from '../../src/protection/watch-list';
import { KeyValueStore } from '../../src/store/key-value-store';
import { MemoryStore } from '../../src/store/memory.store';
import { StoreConfig } from '../../src/store/store.config';

/** Protection wired as ProtectionModule wires it, on a memory store by default, for unit specs. */
export interface ProtectionParts {
  readonly sut: ProtectionService;
  readonly feedback: VerificationFeedback;
  readonly registry: Registry;
  readonly store: KeyValueStore;
}

export function protectionParts(
  protection: Record<string, unknown>,
  clock: Clock = SYSTEM_CLOCK,
  store: KeyValueStore = new MemoryStore(100_000, () => clock.now()),
  storeSection: Partial<StoreConfig> = {},
): ProtectionParts {
  const registry = new Registry();
  const config = plainToInstance(ProtectionConfig, protection, { exposeDefaultValues: true });
  const storeConfig = Object.assign(new StoreConfig(), storeSection);
  const metrics = new ProtectionMetrics(registry);
  const counters = new KeyCounters(store, clock, config.adaptive);
  const trust = new TrustRecords(store, config.adaptive.trustSeconds);
  const feedback = new VerificationFeedback(config, store, counters, trust, metrics);
  const watches = new WatchList(store, clock, config.adaptive);
  const adaptive = new AdaptivePolicy(config, counters, trust, watches, feedback);
  const limits = rateLimitPolicy(config.rateLimits, { driver: 'memory' }, storeConfig, clock);
  const sut = new ProtectionService(config, storeConfig, limits, adaptive, metrics);
  return { sut, feedback, registry, store };
}
