import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { ProtectionMetrics } from './protection.metrics';
import { ProtectionService } from './protection.service';

/** Toll-fraud protection (`protection.*`); the delivery use case asks {@link ProtectionService}. */
@Module({
  imports: [StoreModule],
  providers: [ProtectionService, ProtectionMetrics],
  exports: [ProtectionService],
})
export class ProtectionModule {}
