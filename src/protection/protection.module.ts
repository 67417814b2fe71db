import { DynamicModule, Module } from '@nestjs/common';
import { ProtectionConfig } from './protection.config';
import { ProtectionMetrics } from './protection.metrics';
import { ProtectionService } from './protection.service';

/**
 * Toll-fraud protection (`protection.*`); the delivery use case asks {@link ProtectionService},
 * the hook reads `onBlock` from the exported section. `store`: the StoreModule the composition
 * root built (rate limits are counted there).
 */
@Module({})
export class ProtectionModule {
  static forRoot(config: ProtectionConfig, store: DynamicModule): DynamicModule {
    return {
      module: ProtectionModule,
      imports: [store],
      providers: [
        { provide: ProtectionConfig, useValue: config },
        ProtectionService,
        ProtectionMetrics,
      ],
      exports: [ProtectionService, ProtectionConfig],
    };
  }
}
