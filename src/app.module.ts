import { DynamicModule, Module } from '@nestjs/common';
import { DestinationStream } from 'pino';
import { APP_FILTER } from '@nestjs/core';
import { ApiErrorFilter } from './common/api-error.filter';
import { Clock, ClockModule } from './common/clock';
import { CallbacksModule } from './callbacks/callbacks.module';
import { AppConfigModule } from './config/app-config.module';
import { LoadedConfig } from './config/config.loader';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { HookModule } from './hook/hook.module';
import { LoggingModule } from './observability/logging.module';
import { MetricsModule } from './observability/metrics.module';

export interface AppOptions {
  /** Where log lines go (stdout by default). */
  logDestination?: DestinationStream;
  /** What windows count time by (the system clock by default; a simulation moves its own). */
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(loaded: LoadedConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(loaded),
        ClockModule.forRoot(options.clock),
        LoggingModule.forRoot(loaded.config.logging, options.logDestination),
        MetricsModule,
        HealthModule,
        HookModule,
        CallbacksModule,
        EventsModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ApiErrorFilter }],
    };
  }
}
