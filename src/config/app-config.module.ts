import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { AdminConfig } from '../auth/admin.config';
import { AppConfig } from './app.config';
import { LoadedConfig } from './config.loader';
import { EventsConfig } from '../events/events.config';
import { HookConfig } from '../hook/hook.config';
import { ProtectionConfig } from '../protection/protection.config';
import { MessagesConfig } from '../delivery/messages/messages.config';
import { DeliveryPolicy } from '../delivery/delivery.policy';
import { RoutingConfig } from '../delivery/routing.config';
import { StoreConfig } from '../store/store.config';
import { LoggingConfig, ServerConfig } from '../common/server.config';

/**
 * Makes the validated configuration injectable: the whole AppConfig and each section by its
 * class (`constructor(private readonly hook: HookConfig)`). No @nestjs/config: docs/decisions/0003.
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(loaded: LoadedConfig): DynamicModule {
    const config = loaded.config;
    const sections: Provider[] = [
      { provide: AppConfig, useValue: config },
      { provide: ServerConfig, useValue: config.server },
      { provide: LoggingConfig, useValue: config.logging },
      { provide: HookConfig, useValue: config.hook },
      {
        provide: DeliveryPolicy,
        useValue: new DeliveryPolicy(
          config.hook.deadlineMs,
          config.hook.answerMarginMs,
          config.hook.defaultSmsTemplate,
        ),
      },
      { provide: EventsConfig, useValue: config.events },
      { provide: RoutingConfig, useValue: config.routing },
      { provide: MessagesConfig, useValue: config.messages },
      { provide: ProtectionConfig, useValue: config.protection },
      { provide: StoreConfig, useValue: config.store },
      { provide: AdminConfig, useValue: config.admin },
    ];
    return {
      module: AppConfigModule,
      providers: sections,
      exports: sections,
    };
  }
}
