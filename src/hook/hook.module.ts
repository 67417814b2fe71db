import { DynamicModule, Module } from '@nestjs/common';
import { HookAuthGuard } from './hook-auth.guard';
import { HookConfig } from './hook.config';
import { HookMetrics } from './hook.metrics';
import { TelephonyHookController } from './telephony-hook.controller';
import { TelephonyHookService } from './telephony-hook.service';

/** The modules the hook uses, as the composition root built them. */
export interface HookUses {
  readonly delivery: DynamicModule;
  /** For `protection.onBlock`, how a block is answered. */
  readonly protection: DynamicModule;
}

/**
 * Okta's telephony inline hook (`hook.*`). Exports its metrics: the error filter tells them of
 * every hook call it refused.
 */
@Module({})
export class HookModule {
  static forRoot(config: HookConfig, uses: HookUses): DynamicModule {
    return {
      module: HookModule,
      imports: [uses.delivery, uses.protection],
      controllers: [TelephonyHookController],
      providers: [
        { provide: HookConfig, useValue: config },
        TelephonyHookService,
        HookAuthGuard,
        HookMetrics,
      ],
      exports: [HookMetrics],
    };
  }
}
