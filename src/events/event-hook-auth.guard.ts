import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { EarlyAuthenticator } from '../common/route-policy';
import { EventsConfig } from './events.config';
import { AuthRefusalLog, refusalOf } from '../auth/auth-refusal';
import { HeaderAuthenticator } from '../auth/header-auth';

/**
 * Okta event hooks authenticate with a header only (no OAuth, okta-contract.md §4.3): one of
 * `events.auth.headers` carrying an accepted secret, else 401 and a logged reason. With none
 * configured, nothing passes. The bootstrap runs `authenticate` before the body is read
 * (RoutePolicy); the guard then only confirms it.
 */
@Injectable()
export class EventHookAuthGuard implements CanActivate, EarlyAuthenticator {
  private readonly headers: HeaderAuthenticator;
  private readonly refusals = new AuthRefusalLog();
  private readonly passed = new WeakSet<FastifyRequest>();

  constructor(events: EventsConfig) {
    this.headers = new HeaderAuthenticator(events.auth.headers);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!this.passed.has(request)) this.authenticate(request);
    return true;
  }

  authenticate(request: FastifyRequest): undefined {
    if (this.headers.verify(request.headers)) {
      this.passed.add(request);
      return undefined;
    }
    this.refusals.refused(refusalOf(request, this.headers.refusal(request.headers)));
    throw new ApiError(ApiErrorCode.Unauthorized);
  }
}
