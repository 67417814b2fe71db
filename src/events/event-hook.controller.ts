import { Body, Controller, Get, Headers, HttpCode, Post, UseGuards } from '@nestjs/common';
import { BodyCheckPipe } from '../common/body-check.pipe';
import { EventHookAuthGuard } from './event-hook-auth.guard';
import { eventHookProblems } from './event-hook.dto';
import { EventHookService, VerificationAnswer } from './event-hook.service';
import { OktaEventHookDelivery } from './okta-log-event.types';

type RequestHeaders = Record<string, string | string[] | undefined>;

/** Route of Okta's event hook (controller and route policies agree on it here). */
export const EVENT_HOOK_ROUTE = '/hooks/okta/events';

/** Okta's event hook: `GET` verifies the endpoint once, `POST` delivers events. */
@Controller(EVENT_HOOK_ROUTE)
@UseGuards(EventHookAuthGuard)
export class EventHookController {
  constructor(private readonly events: EventHookService) {}

  @Get()
  verify(@Headers('x-okta-verification-challenge') challenge?: string): VerificationAnswer {
    return this.events.verify(challenge);
  }

  @Post()
  @HttpCode(200)
  receive(
    @Body(new BodyCheckPipe(eventHookProblems)) body: OktaEventHookDelivery,
    @Headers() headers: RequestHeaders,
  ): void {
    this.events.accept(body, headers);
  }
}
