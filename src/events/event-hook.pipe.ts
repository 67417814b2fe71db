import { Injectable, PipeTransform } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { eventHookProblems } from './event-hook.dto';
import { OktaEventHookDelivery } from './okta-log-event.types';

/**
 * The event hook body, checked as an Okta delivery; 400 with its problems otherwise, which Okta
 * does not retry.
 */
@Injectable()
export class EventHookPipe implements PipeTransform<unknown, OktaEventHookDelivery> {
  transform(body: unknown): OktaEventHookDelivery {
    const problems = eventHookProblems(body);
    if (problems.length > 0) throw new ApiError(ApiErrorCode.InvalidRequest, problems);
    return body as OktaEventHookDelivery;
  }
}
