import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DestinationStream } from 'pino';
import { CallbacksModule } from './callbacks/callbacks.module';
import { ApiErrorFilter } from './common/api-error.filter';
import { Clock, SYSTEM_CLOCK } from './common/clock';
import { REFUSAL_LISTENERS } from './common/refusal-listener';
import { AppConfig } from './config/app.config';
import { LoadedConfig } from './config/config.loader';
import { routedIds } from './config/route-lists';
import { DeliveryRecordsModule } from './delivery/delivery-records.module';
import { DeliveryModule } from './delivery/delivery.module';
import { DeliveryPolicy } from './delivery/delivery.policy';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { HookMetrics } from './hook/hook.metrics';
import { HookModule } from './hook/hook.module';
import { LoggingModule } from './observability/logging.module';
import { MetricsModule } from './observability/metrics.module';
import { RefusalMetrics } from './observability/refusal.metrics';
import { ProtectionModule } from './protection/protection.module';
import { ProviderRegistryConfig } from './providers/provider-registry.config';
import { ProvidersModule } from './providers/providers.module';
import { RecordsModule } from './records/records.module';
import { ConsoleModule } from './console/console.module';
import { StoreModule } from './store/store.module';

export interface AppOptions {
  /** Where log lines go (stdout by default). */
  logDestination?: DestinationStream;
  /** What windows count time by (the system clock by default; a simulation moves its own). */
  clock?: Clock;
}

/**
 * The composition root: each feature module gets its own config section, and the modules it
 * uses, built here once (one store connection, one provider registry for the whole app). No
 * feature reads the whole configuration, and none is global but the metrics registry.
 */
@Module({})
export class AppModule {
  static forRoot(loaded: LoadedConfig, options: AppOptions = {}): DynamicModule {
    const config = loaded.config;
    const store = StoreModule.forRoot(config.store);
    const providers = ProvidersModule.forRoot(
      new ProviderRegistryConfig(
        config.providers,
        config.server.publicUrl,
        config.outbound,
        routedIds(config),
      ),
    );
    const protection = ProtectionModule.forRoot(config.protection, {
      store,
      clock: options.clock ?? SYSTEM_CLOCK,
      admin: config.admin,
    });
    const records = DeliveryRecordsModule.forRoot(store);
    const delivery = DeliveryModule.forRoot(deliverySections(config), {
      store,
      providers,
      protection,
      records,
    });
    const recordsModule = RecordsModule.forRoot(config.admin, config.records, {
      store,
      records,
      delivery,
    });
    return {
      module: AppModule,
      imports: [
        LoggingModule.forRoot(config.logging, options.logDestination),
        MetricsModule.forRoot(config.server),
        HealthModule.forRoot({ store, providers }),
        HookModule.forRoot(config.hook, { delivery, protection }),
        CallbacksModule.forRoot(config.server, { providers, records }),
        EventsModule.forRoot(config.events, { store, records, delivery, protection, providers }),
        recordsModule,
        ...(config.console.enabled
          ? [
              ConsoleModule.forRoot(config.console, {
                store,
                providers,
                records: recordsModule,
                delivery,
                protection,
              }),
            ]
          : []),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiErrorFilter },
        {
          provide: REFUSAL_LISTENERS,
          useFactory: (hook: HookMetrics, all: RefusalMetrics) => [hook, all],
          inject: [HookMetrics, RefusalMetrics],
        },
      ],
    };
  }
}

/** Delivery's sections; what it must know of the hook (`hook.*`) arrives as its policy. */
function deliverySections(config: AppConfig) {
  const { deadlineMs, answerMarginMs, defaultSmsTemplate } = config.hook;
  return {
    routing: config.routing,
    messages: config.messages,
    policy: new DeliveryPolicy(deadlineMs, answerMarginMs, defaultSmsTemplate),
  };
}
