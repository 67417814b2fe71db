import { Module } from '@nestjs/common';
import { ProvidersModule } from '../providers/providers.module';
import { AttemptRunner } from './attempt-runner';
import { DeliveryService } from './delivery.service';
import { Router } from './router';

@Module({
  imports: [ProvidersModule],
  providers: [DeliveryService, AttemptRunner, Router],
  exports: [DeliveryService],
})
export class DeliveryModule {}
