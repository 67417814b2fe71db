import { Module } from '@nestjs/common';
import { HookAuthGuard } from './hook-auth.guard';
import { DeliveryModule } from '../delivery/delivery.module';
import { HookMetrics } from './hook.metrics';
import { TelephonyHookController } from './telephony-hook.controller';
import { TelephonyHookService } from './telephony-hook.service';

@Module({
  imports: [DeliveryModule],
  controllers: [TelephonyHookController],
  providers: [TelephonyHookService, HookAuthGuard, HookMetrics],
  exports: [HookMetrics],
})
export class HookModule {}
