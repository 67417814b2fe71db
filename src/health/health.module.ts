import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DeliveryModule } from '../delivery/delivery.module';
import { StoreModule } from '../store/store.module';
import { HealthController } from './health.controller';
import { ReadinessIndicators } from './readiness.indicators';
import { ShutdownState } from './shutdown.state';

@Global()
@Module({
  imports: [TerminusModule.forRoot({ logger: false }), StoreModule, DeliveryModule],
  controllers: [HealthController],
  providers: [ReadinessIndicators, ShutdownState],
  exports: [ShutdownState],
})
export class HealthModule {}
