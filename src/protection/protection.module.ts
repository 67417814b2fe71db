import { DynamicModule, Module } from '@nestjs/common';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { AdminConfig } from '../auth/admin.config';
import { Clock, CLOCK } from '../common/clock';
import { KEY_VALUE_STORE, KeyValueStore } from '../store/key-value-store';
import { StoreConfig } from '../store/store.config';
import { STORE_BACKEND, StoreBackend } from '../store/store.runtime';
import { AdaptivePolicy } from './adaptive.policy';
import { KeyCounters } from './key-counters';
import { ProtectionConfig } from './protection.config';
import { ProtectionController } from './protection.controller';
import { ProtectionMetrics } from './protection.metrics';
import { ProtectionService } from './protection.service';
import { RateLimitPolicy } from './rate-limit.policy';
import { rateLimitPolicy } from './rate-limiter.factory';
import { TrustRecords } from './trust';
import { VerificationFeedback } from './verification-feedback';
import { WatchList } from './watch-list';

/** What protection uses, as the composition root built or chose it. */
export interface ProtectionUses {
  /** The StoreModule: rate limits, verification counters and the watch list are kept there. */
  readonly store: DynamicModule;
  /** What windows count time by (the system clock; a simulation moves its own). */
  readonly clock: Clock;
  /** The admin tokens, for `GET /protection/watchlist`. */
  readonly admin: AdminConfig;
}

const STATE = [KEY_VALUE_STORE, CLOCK, ProtectionConfig];

/**
 * Toll-fraud protection (`protection.*`): the delivery use case asks {@link ProtectionService};
 * the event hook reports verified codes and failed sends to {@link VerificationFeedback}; admins
 * read the watch list at `GET /protection/watchlist`. The hook reads `onBlock` from the
 * exported section.
 */
@Module({})
export class ProtectionModule {
  static forRoot(config: ProtectionConfig, uses: ProtectionUses): DynamicModule {
    return {
      module: ProtectionModule,
      imports: [uses.store],
      controllers: [ProtectionController],
      providers: [
        { provide: ProtectionConfig, useValue: config },
        { provide: CLOCK, useValue: uses.clock },
        { provide: AdminConfig, useValue: uses.admin },
        ProtectionService,
        ProtectionMetrics,
        AdaptivePolicy,
        VerificationFeedback,
        AdminAuthGuard,
        {
          provide: RateLimitPolicy,
          useFactory: (
            c: ProtectionConfig,
            store: StoreConfig,
            backend: StoreBackend,
            clock: Clock,
          ) => rateLimitPolicy(c.rateLimits, backend, store, clock),
          inject: [ProtectionConfig, StoreConfig, STORE_BACKEND, CLOCK],
        },
        {
          provide: KeyCounters,
          useFactory: (store: KeyValueStore, clock: Clock, c: ProtectionConfig) =>
            new KeyCounters(store, clock, c.adaptive),
          inject: STATE,
        },
        {
          provide: WatchList,
          useFactory: (store: KeyValueStore, clock: Clock, c: ProtectionConfig) =>
            new WatchList(store, clock, c.adaptive),
          inject: STATE,
        },
        {
          provide: TrustRecords,
          useFactory: (store: KeyValueStore, c: ProtectionConfig) =>
            new TrustRecords(store, c.adaptive.trustSeconds),
          inject: [KEY_VALUE_STORE, ProtectionConfig],
        },
      ],
      exports: [ProtectionService, VerificationFeedback, ProtectionConfig],
    };
  }
}
