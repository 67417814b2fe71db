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
  send(@Body(TelephonyHookPipe) body: TelephonyHookRequestDto): Promise<OktaHookResponse> {
    return this.hook.answer(body);
  }
}
