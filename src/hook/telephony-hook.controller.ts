import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { BodyCheckPipe } from '../common/body-check.pipe';
import { HookAuthGuard } from './hook-auth.guard';
import { COUNTED_AS_HOOK_CALL } from './hook.metrics';
import { OktaHookResponse } from './okta-response';
import { TelephonyHookRequestDto, telephonyHookProblems } from './telephony-hook.dto';
import { TelephonyHookService } from './telephony-hook.service';

/** Route of Okta's telephony inline hook (controller and route policies agree on it here). */
export const TELEPHONY_HOOK_ROUTE = '/hooks/okta/telephony';

@Controller(TELEPHONY_HOOK_ROUTE)
@UseGuards(HookAuthGuard)
export class TelephonyHookController {
  constructor(private readonly hook: TelephonyHookService) {}

  @Post()
  @HttpCode(200)
  @RouteConfig(COUNTED_AS_HOOK_CALL)
  // Readonly<…> keeps the DTO class out of the parameter's metadata, so the global ValidationPipe
  // leaves this body to telephonyHookProblems (docs/decisions/0002-hook-body-validation.md).
  send(
    @Body(new BodyCheckPipe(telephonyHookProblems)) body: Readonly<TelephonyHookRequestDto>,
  ): Promise<OktaHookResponse> {
    return this.hook.answer(body);
  }
}
