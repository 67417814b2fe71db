import { Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { Counter, Registry } from 'prom-client';
import { RefusalListener, refusalReasonOf } from '../common/refusal-listener';
import { LabelCache } from './label-cache';
import { METRIC_PREFIX } from './metric-conventions';

/** The reason of a refusal nobody explained, by status. */
const BY_STATUS: Readonly<Record<number, string>> = {
  400: 'invalid request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not found',
  405: 'not found',
  408: 'request timeout',
  413: 'body too large',
  414: 'path too long',
  415: 'unsupported media type',
  431: 'headers too large',
  503: 'unavailable',
};

/** The route label of a request that matched no route. */
const UNMATCHED = 'unmatched';

/**
 * `otg_requests_refused_total{route, reason}`: every request answered with an error, by route
 * pattern (never the raw path) and reason: the authentication or signature refusal its guard
 * noted (`wrong secret`, `no credential`, `wrong signature`... auth/auth-refusal.ts), else the
 * class of its status. A wrong event-hook secret shows as
 * `{route="/hooks/okta/events",reason="wrong secret"}`.
 */
@Injectable()
export class RefusalMetrics implements RefusalListener {
  private readonly refusals: LabelCache<Counter.Internal>;

  constructor(registry: Registry) {
    const counter = new Counter({
      name: `${METRIC_PREFIX}requests_refused_total`,
      help: 'Requests answered with an error, by route pattern and reason (the authentication refusal, or the class of the status).',
      labelNames: ['route', 'reason'],
      registers: [registry],
    });
    this.refusals = new LabelCache((route, reason) => counter.labels({ route, reason }));
  }

  refused(request: FastifyRequest, status: number): void {
    const route = request.routeOptions?.url ?? UNMATCHED;
    const reason =
      refusalReasonOf(request) ?? BY_STATUS[status] ?? (status < 500 ? 'refused' : 'error');
    this.refusals.get(route, reason).inc();
  }
}
