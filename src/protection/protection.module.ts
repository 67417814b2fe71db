import { Module } from '@nestjs/common';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { Clock, CLOCK } from '../common/clock';
import { KEY_VALUE_STORE, KeyValueStore } from '../store/key-value-store';
import { StoreConfig } from '../store/store.config';
import { STORE_BACKEND, StoreBackend } from '../store/store.runtime';
import { StoreModule } from '../store/store.module';
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

const STATE = [KEY_VALUE_STORE, CLOCK, ProtectionConfig];

/**
 * Toll-fraud protection (`protection.*`): the delivery use case asks {@link ProtectionService};
 * the event hook reports verified codes and failed sends to {@link VerificationFeedback}; admins
 * read the watch list at `GET /protection/watchlist`.
 */
@Module({
  imports: [StoreModule],
  controllers: [ProtectionController],
  providers: [
    ProtectionService,
    ProtectionMetrics,
    AdaptivePolicy,
    VerificationFeedback,
    AdminAuthGuard,
    {
      provide: RateLimitPolicy,
      useFactory: (
        config: ProtectionConfig,
        store: StoreConfig,
        backend: StoreBackend,
        clock: Clock,
      ) => rateLimitPolicy(config.rateLimits, backend, store, clock),
      inject: [ProtectionConfig, StoreConfig, STORE_BACKEND, CLOCK],
    },
    {
      provide: KeyCounters,
      useFactory: (store: KeyValueStore, clock: Clock, config: ProtectionConfig) =>
        new KeyCounters(store, clock, config.adaptive),
      inject: STATE,
    },
    {
      provide: WatchList,
      useFactory: (store: KeyValueStore, clock: Clock, config: ProtectionConfig) =>
        new WatchList(store, clock, config.adaptive),
      inject: STATE,
    },
    {
      provide: TrustRecords,
      useFactory: (store: KeyValueStore, config: ProtectionConfig) =>
        new TrustRecords(store, config.adaptive.trustSeconds),
      inject: [KEY_VALUE_STORE, ProtectionConfig],
    },
  ],
  exports: [ProtectionService, VerificationFeedback],
})
export class ProtectionModule {}
