import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { BodyCheckPipe } from '../common/body-check.pipe';
import { HookAuthGuard } from './hook-auth.guard';
import { TELEPHONY_HOOK_ROUTE } from './hook-route';
import { OktaHookResponse } from './okta-response';
import { TelephonyHookRequestDto, telephonyHookProblems } from './telephony-hook.dto';
import { TelephonyHookService } from './telephony-hook.service';

@Controller(TELEPHONY_HOOK_ROUTE)
@UseGuards(HookAuthGuard)
export class TelephonyHookController {
  constructor(private readonly hook: TelephonyHookService) {}

  @Post()
  @HttpCode(200)
  // Readonly<…> keeps the DTO class out of the parameter's metadata, so the global ValidationPipe
  // leaves this body to telephonyHookProblems (docs/decisions/0002-hook-body-validation.md).
  send(
    @Body(new BodyCheckPipe(telephonyHookProblems)) body: Readonly<TelephonyHookRequestDto>,
  ): Promise<OktaHookResponse> {
    return this.hook.answer(body);
  }
}
