import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { AdminConfig } from '../auth/admin.config';
import { DeliveryObservers } from '../delivery/delivery-observers';
import { StoreConfig } from '../store/store.config';
import { DeliveriesController } from './deliveries.controller';
import { DeliveryLookupService } from './delivery-lookup.service';
import { DeliverySearchIndex } from './delivery-search.index';
import { DeliverySearchService } from './delivery-search.service';
import { PHONE_DIGEST, PhoneDigest } from './phone-digest';
import { RecordsConfig } from './records.config';

/** The modules the records feature uses, as the composition root built them. */
export interface RecordsUses {
  readonly store: DynamicModule;
  /** Delivery records, to read. */
  readonly records: DynamicModule;
  /** The delivery use case, whose observers the search index joins. */
  readonly delivery: DynamicModule;
}

/**
 * `GET /deliveries` and `GET /deliveries/:id` for support staff, behind the admin token
 * (`admin.*`), and the search indexes (`records.*`), which join the delivery observers at start.
 * Exports the lookup and the search for the console.
 */
@Module({})
export class RecordsModule implements OnModuleInit {
  constructor(
    private readonly observers: DeliveryObservers,
    private readonly index: DeliverySearchIndex,
  ) {}

  static forRoot(admin: AdminConfig, config: RecordsConfig, uses: RecordsUses): DynamicModule {
    return {
      module: RecordsModule,
      imports: [uses.store, uses.records, uses.delivery],
      controllers: [DeliveriesController],
      providers: [
        { provide: AdminConfig, useValue: admin },
        {
          provide: PHONE_DIGEST,
          useFactory: (store: StoreConfig) => PhoneDigest.of(config, store) ?? null,
          inject: [StoreConfig],
        },
        DeliverySearchIndex,
        DeliveryLookupService,
        DeliverySearchService,
        AdminAuthGuard,
      ],
      exports: [DeliveryLookupService, DeliverySearchService],
    };
  }

  onModuleInit(): void {
    this.observers.add(this.index, 'after-answer');
  }
}
