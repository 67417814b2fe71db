import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { ReadinessIndicators } from './readiness.indicators';
import { ShutdownState } from './shutdown.state';

/** The modules readiness reports on, as the composition root built them. */
export interface HealthUses {
  readonly store: DynamicModule;
  /** For the providers and their breakers. */
  readonly providers: DynamicModule;
}

/** `/health/live` and `/health/ready`; exports the draining state graceful shutdown turns on. */
@Module({})
export class HealthModule {
  static forRoot(uses: HealthUses): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false }), uses.store, uses.providers],
      controllers: [HealthController],
      providers: [ReadinessIndicators, ShutdownState],
      exports: [ShutdownState],
    };
  }
}
