import { DynamicModule, Module, OnModuleInit } from '@nestjs/common';
import { DeliveryObservers } from '../delivery/delivery-observers';
import { ConsoleAudit } from './console-audit';
import { ConsoleOidc } from './console-oidc.service';
import { ConsolePages } from './console-pages.service';
import { ConsoleSessions } from './console-sessions.service';
import { ConsoleSignIn } from './console-sign-in.service';
import { ConsoleWatchList } from './console-watch-list.service';
import {
  ConsoleAssetsController,
  ConsoleAuthController,
  ConsoleController,
} from './console.controller';
import { ConsoleConfig, ConsoleOidcConfig } from './console.config';
import { ConsoleGuard } from './console.guard';
import { CountryFiguresService } from './country-figures';
import { ProviderHealthWindow } from './provider-health';

/** The modules the console uses, as the composition root built them. */
export interface ConsoleUses {
  /** Sessions live in the shared store. */
  readonly store: DynamicModule;
  /** Breaker states and vendors of the providers. */
  readonly providers: DynamicModule;
  /** Delivery search and lookup. */
  readonly records: DynamicModule;
  /** Whose observers the provider health window joins. */
  readonly delivery: DynamicModule;
  /** The watch list. */
  readonly protection: DynamicModule;
}

/**
 * The support console at `/console` (`console.*`): sign-in with Okta, delivery search and
 * timelines, provider health, countries' sent and verified codes, protection's watch list. The
 * composition root builds it only when `console.enabled` is true: otherwise no route exists.
 */
@Module({})
export class ConsoleModule implements OnModuleInit {
  constructor(
    private readonly observers: DeliveryObservers,
    private readonly health: ProviderHealthWindow,
  ) {}

  static forRoot(config: ConsoleConfig, uses: ConsoleUses): DynamicModule {
    return {
      module: ConsoleModule,
      imports: [uses.store, uses.providers, uses.records, uses.delivery, uses.protection],
      controllers: [ConsoleController, ConsoleAuthController, ConsoleAssetsController],
      providers: [
        { provide: ConsoleConfig, useValue: config },
        { provide: ConsoleOidcConfig, useValue: config.oidc },
        ConsoleOidc,
        ConsoleSessions,
        ConsoleSignIn,
        ConsolePages,
        ConsoleWatchList,
        ConsoleAudit,
        ConsoleGuard,
        ProviderHealthWindow,
        CountryFiguresService,
      ],
    };
  }

  onModuleInit(): void {
    this.observers.add(this.health, 'after-answer');
  }
}
