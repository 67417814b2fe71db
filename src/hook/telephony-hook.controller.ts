import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { HookAuthGuard } from './hook-auth.guard';
import { OktaHookResponse } from './okta-response';
import { TelephonyHookRequestDto } from './telephony-hook.dto';
import { TelephonyHookPipe } from './telephony-hook.pipe';
import { TELEPHONY_HOOK_ROUTE } from './telephony-hook.route';
import { TelephonyHookService } from './telephony-hook.service';

@Controller(TELEPHONY_HOOK_ROUTE)
@UseGuards(HookAuthGuard)
export class TelephonyHookController {
  constructor(private readonly hook: TelephonyHookService) {}

  @Post()
  @HttpCode(200)
  // Readonly<…> keeps the DTO class out of the parameter's metadata, so the global ValidationPipe
  // leaves this body to TelephonyHookPipe's checker (docs/decisions/0002-hook-body-validation.md).
  send(
    @Body(TelephonyHookPipe) body: Readonly<TelephonyHookRequestDto>,
  ): Promise<OktaHookResponse> {
    return this.hook.answer(body);
  }
}
