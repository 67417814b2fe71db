import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { EarlyAuthenticator } from '../common/route-policy';
import { HookConfig } from './hook.config';
import { AuthRefusalLog, AuthRefusalReason, refusalOf } from '../auth/auth-refusal';
import { HeaderAuthenticator } from '../auth/header-auth';
import { OAuthVerifier } from '../auth/oauth.verifier';

const BEARER = /^Bearer ([A-Za-z0-9\-_.]+)$/;
const BEARER_SCHEME = /^bearer\b/i;

/**
 * Okta's telephony hook authentication: a configured header carrying an accepted secret, or,
 * when `hook.auth.oauth` is set, a valid OAuth 2.0 Bearer access token. Either passes; a
 * refusal is logged with its reason (AuthRefusalLog). The bootstrap runs `authenticate` before
 * the body is read (RoutePolicy); the guard then only confirms it.
 */
@Injectable()
export class HookAuthGuard implements CanActivate, EarlyAuthenticator {
  private readonly headers: HeaderAuthenticator;
  private readonly oauth?: OAuthVerifier;
  private readonly refusals = new AuthRefusalLog();
  private readonly passed = new WeakSet<FastifyRequest>();

  constructor(hook: HookConfig) {
    this.headers = new HeaderAuthenticator(hook.auth.headers);
    this.oauth = hook.auth.oauth ? new OAuthVerifier(hook.auth.oauth) : undefined;
  }

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const waiting = this.passed.has(request) ? undefined : this.authenticate(request);
    return waiting ? waiting.then(() => true) : true;
  }

  /** Synchronous when a header passes (the hot path); a Bearer token is checked asynchronously. */
  authenticate(request: FastifyRequest): Promise<void> | undefined {
    if (!this.headers.verify(request.headers)) return this.bearer(request);
    this.passed.add(request);
    return undefined;
  }

  private async bearer(request: FastifyRequest): Promise<void> {
    const reason = await this.bearerRefusal(request.headers.authorization);
    if (reason === undefined) {
      this.passed.add(request);
      return;
    }
    this.refusals.refused(refusalOf(request, reason ?? this.headers.refusal(request.headers)));
    throw new ApiError(ApiErrorCode.Unauthorized);
  }

  /** Undefined for a valid token; null when there is no Bearer to judge (the headers decide). */
  private async bearerRefusal(
    authorization: string | undefined,
  ): Promise<AuthRefusalReason | null | undefined> {
    if (!this.oauth || !authorization || !BEARER_SCHEME.test(authorization)) return null;
    const token = BEARER.exec(authorization)?.[1];
    if (!token) return 'malformed Bearer';
    return this.oauth.check(token);
  }
}
