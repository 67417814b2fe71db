import { Injectable } from '@nestjs/common';
import { settleWithin } from '../common/settle-within';
import { DeliveryService } from '../delivery/delivery.service';
import { transactionIdOf } from '../delivery/delivery-outcome';
import { DeliveryOutcome, DeliveryRequest } from '../delivery/delivery.types';
import { assignLogContext } from '../observability/log-context';
import { SpanNotes, tracingActive, withSpan } from '../observability/spans';
import { ProtectionConfig } from '../protection/protection.config';
import { HookConfig } from './hook.config';
import { HookMetrics, requestTypeLabel } from './hook.metrics';
import { toDeliveryRequest } from './hook-request.mapper';
import { OktaHookResponse, toOktaResponse } from './okta-response';
import { TelephonyHookRequestDto } from './telephony-hook.dto';

/**
 * Answers one telephony hook call. Whatever happens below, the answer is ready before
 * `deadlineMs - answerMarginMs / 2`: a delivery still running then is answered as failed. The
 * transaction id Okta gets joins the request's log context here, the one place it is set. With
 * tracing on, the answer is the `otg.hook` span, parent of everything the delivery does.
 */
@Injectable()
export class TelephonyHookService {
  constructor(
    private readonly delivery: DeliveryService,
    private readonly hook: HookConfig,
    private readonly protection: ProtectionConfig,
    private readonly metrics: HookMetrics,
  ) {}

  answer(dto: TelephonyHookRequestDto): Promise<OktaHookResponse> {
    const request = toDeliveryRequest(dto);
    if (!tracingActive()) return this.deliver(request);
    const attributes = {
      'otg.channel': request.channel,
      'otg.request_type': requestTypeLabel(request.requestType),
    };
    return withSpan('otg.hook', attributes, (span) => this.deliver(request, span));
  }

  private async deliver(request: DeliveryRequest, span?: SpanNotes): Promise<OktaHookResponse> {
    const startedAt = performance.now();
    const deadlineAt = startedAt + this.hook.deadlineMs;
    const outcome = await settleWithin<DeliveryOutcome>(
      this.delivery.deliver(request, { startedAt, deadlineAt }),
      this.hook.deadlineMs - this.hook.answerMarginMs / 2,
      () => ({
        kind: 'failed',
        cause: 'deadline',
        reason: 'the delivery did not finish before the hook deadline',
        deliveryId: 'unfinished',
        channel: request.channel,
        attempts: [],
        durationMs: Math.round(performance.now() - startedAt),
      }),
    );
    assignLogContext({ transactionId: transactionIdOf(outcome) });
    this.metrics.answered(request, outcome.kind, (performance.now() - startedAt) / 1000);
    if (span) noteOutcome(span, outcome);
    return toOktaResponse(outcome, this.protection.onBlock);
  }
}

/** How the delivery ended, on the hook span: a failed delivery is a failed span, its cause the error type. */
function noteOutcome(span: SpanNotes, outcome: DeliveryOutcome): void {
  span.set({ 'otg.outcome': outcome.kind });
  if (outcome.kind === 'sent') span.set({ 'otg.provider': outcome.providerId });
  if (outcome.kind === 'failed') span.fail(outcome.cause);
}
