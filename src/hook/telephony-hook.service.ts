import { Injectable } from '@nestjs/common';
import { DeliveryService } from '../delivery/delivery.service';
import { transactionIdOf } from '../delivery/delivery-outcome';
import { DeliveryOutcome } from '../delivery/delivery.types';
import { assignLogContext } from '../observability/log-context';
import { ProtectionConfig } from '../protection/protection.config';
import { HookConfig } from './hook.config';
import { HookMetrics } from './hook.metrics';
import { toDeliveryRequest } from './hook-request.mapper';
import { OktaHookResponse, toOktaResponse } from './okta-response';
import { TelephonyHookRequestDto } from './telephony-hook.dto';

/**
 * Answers one telephony hook call. Whatever happens below, the answer is ready before
 * `deadlineMs - answerMarginMs / 2`: a delivery still running then is answered as failed. The
 * transaction id Okta gets joins the request's log context here, the one place it is set.
 */
@Injectable()
export class TelephonyHookService {
  constructor(
    private readonly delivery: DeliveryService,
    private readonly hook: HookConfig,
    private readonly protection: ProtectionConfig,
    private readonly metrics: HookMetrics,
  ) {}

  async answer(dto: TelephonyHookRequestDto): Promise<OktaHookResponse> {
    const startedAt = performance.now();
    const deadlineAt = startedAt + this.hook.deadlineMs;
    const request = toDeliveryRequest(dto);
    const outcome = await withBackstop(
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
    return toOktaResponse(outcome, this.protection.onBlock);
  }
}

/** The delivery's outcome, or `late()` if it is not there within `ms`. */
async function withBackstop(
  delivery: Promise<DeliveryOutcome>,
  ms: number,
  late: () => DeliveryOutcome,
): Promise<DeliveryOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const backstop = new Promise<DeliveryOutcome>((resolve) => {
    timer = setTimeout(() => resolve(late()), ms);
  });
  try {
    return await Promise.race([delivery, backstop]);
  } finally {
    clearTimeout(timer);
  }
}
