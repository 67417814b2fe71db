import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { bearerToken } from '../common/bearer';
import { HookConfig } from '../hook/hook.config';
import { HeaderAuthenticator } from './header-auth';
import { OAuthVerifier } from './oauth.verifier';

/**
 * Okta's telephony hook authentication: a configured header carrying an accepted secret, or,
 * when `hook.auth.oauth` is set, a valid OAuth 2.0 Bearer access token. Either passes.
 */
@Injectable()
export class HookAuthGuard implements CanActivate {
  private readonly headers: HeaderAuthenticator;
  private readonly oauth?: OAuthVerifier;

  constructor(hook: HookConfig) {
    this.headers = new HeaderAuthenticator(hook.auth.headers);
    this.oauth = hook.auth.oauth ? new OAuthVerifier(hook.auth.oauth) : undefined;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (this.headers.verify(request.headers)) return true;
    const token = bearerToken(request.headers.authorization);
    if (this.oauth && token && (await this.oauth.verify(token))) return true;
    throw new ApiError(ApiErrorCode.Unauthorized);
  }
}
