import { INestApplicationContext } from '@nestjs/common';
import { CALLBACK_ROUTE } from './callbacks/callbacks.controller';
import { RoutePolicies } from './common/route-policy';
import { AppConfig } from './config/app.config';
import { CONSOLE_LOGOUT_ROUTE } from './console/console.controller';
import { EventHookAuthGuard } from './events/event-hook-auth.guard';
import { EVENT_HOOK_ROUTE } from './events/event-hook.controller';
import { HookAuthGuard } from './hook/hook-auth.guard';
import { TELEPHONY_HOOK_ROUTE } from './hook/hook-route';

/**
 * How each route treats a request before its controller (docs/security.md): Okta's two hooks
 * authenticate before their body is read; the event hook takes Okta's largest deliveries and
 * answers an unexpected error with a 4xx, which Okta does not retry; vendor callbacks take forms
 * and acknowledge an unexpected error, which some vendors would otherwise retry for hours; the
 * console's sign-out is a form its page posts.
 */
export function routePolicies(app: INestApplicationContext, config: AppConfig): RoutePolicies {
  return {
    [TELEPHONY_HOOK_ROUTE]: { authenticate: app.get(HookAuthGuard) },
    [EVENT_HOOK_ROUTE]: {
      authenticate: app.get(EventHookAuthGuard),
      bodyLimitBytes: config.events.bodyLimitBytes,
      onUnexpectedError: 'not-retried',
    },
    [CALLBACK_ROUTE]: { forms: true, keepsRawBody: true, onUnexpectedError: 'acknowledged' },
    [CONSOLE_LOGOUT_ROUTE]: { forms: true },
  };
}
