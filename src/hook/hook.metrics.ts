import { Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { Counter, Histogram, Registry } from 'prom-client';
import { RefusalListener } from '../common/refusal-listener';
import { DeliveryMetrics, NEAR_MISS_SHARE } from '../delivery/delivery.metrics';
import { DeliveryOutcome, DeliveryRequest } from '../delivery/delivery.types';
import { LabelCache } from '../observability/label-cache';
import { LATENCY_BUCKETS, METRIC_PREFIX } from '../observability/metrics.module';
import { HookConfig } from './hook.config';
import { TELEPHONY_HOOK_ROUTE } from './hook-route';

/** How a hook call ended: answered 200 (sent, failed, blocked), or refused with an HTTP error. */
export type HookOutcome =
  DeliveryOutcome['kind'] | 'invalid' | 'unauthorized' | 'unavailable' | 'error';

/** Okta's request types (okta-contract.md §1.3); the label drops their common prefix. */
const REQUEST_TYPES: ReadonlyMap<string, string> = new Map(
  ['pre-enrollment', 'mfa-verification', 'account-unlock', 'password-reset'].map((type) => [
    `com.okta.user.telephony.${type}`,
    type,
  ]),
);
/** Label values of a call refused before its body was read as Okta's. */
const UNKNOWN = 'unknown';

/**
 * `otg_hook_requests_total{request_type, channel, outcome}` for every call of the telephony
 * hook, and `otg_hook_duration_seconds{channel, outcome}` for the answered ones (the time the
 * deadline is measured on). Answers are counted by the hook service; refusals (401, 400, 413,
 * 415...) never reach it, so the error filter, which answers every one of them, tells
 * {@link refused}.
 */
@Injectable()
export class HookMetrics implements RefusalListener {
  private readonly requests: LabelCache<Counter.Internal>;
  private readonly seconds: LabelCache<Histogram.Internal<string>>;
  private readonly nearMissSeconds: number;

  constructor(
    registry: Registry,
    hook: HookConfig,
    private readonly delivery: DeliveryMetrics,
  ) {
    const requests = new Counter({
      name: `${METRIC_PREFIX}hook_requests_total`,
      help: 'Telephony hook calls by request type, channel and outcome (sent, failed, blocked, invalid, unauthorized, unavailable, error).',
      labelNames: ['request_type', 'channel', 'outcome'],
      registers: [registry],
    });
    const seconds = new Histogram({
      name: `${METRIC_PREFIX}hook_duration_seconds`,
      help: 'Time from the start of a telephony hook delivery to its answer, for calls answered 200.',
      labelNames: ['channel', 'outcome'],
      buckets: [...LATENCY_BUCKETS],
      registers: [registry],
    });
    this.requests = new LabelCache((request_type, channel, outcome) =>
      requests.labels({ request_type, channel, outcome }),
    );
    this.seconds = new LabelCache((channel, outcome) => seconds.labels({ channel, outcome }));
    this.nearMissSeconds = (hook.deadlineMs * NEAR_MISS_SHARE) / 1000;
  }

  /** A call answered 200: what Okta asked, how the delivery ended, and how long it took. */
  answered(request: DeliveryRequest, outcome: DeliveryOutcome['kind'], seconds: number): void {
    this.requests.get(requestTypeLabel(request.requestType), request.channel, outcome).inc();
    this.seconds.get(request.channel, outcome).observe(seconds);
    if (seconds >= this.nearMissSeconds) this.delivery.nearMiss('answer');
  }

  /** A request the error filter answered; counted when it was a hook call. */
  refused(request: FastifyRequest, status: number): void {
    if (request.routeOptions?.url === TELEPHONY_HOOK_ROUTE)
      this.requests.get(UNKNOWN, UNKNOWN, refusal(status)).inc();
  }
}

/** `mfa-verification` for Okta's known types, `none` when absent, `other` for anything else. */
export function requestTypeLabel(requestType: string | undefined): string {
  if (requestType === undefined) return 'none';
  return REQUEST_TYPES.get(requestType) ?? 'other';
}

function refusal(status: number): HookOutcome {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 503) return 'unavailable';
  return status >= 400 && status < 500 ? 'invalid' : 'error';
}
