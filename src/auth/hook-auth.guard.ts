import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { HookConfig } from '../hook/hook.config';
import { HeaderAuthenticator } from './header-auth';

/** Okta's telephony hook authentication: any configured header carrying an accepted secret. */
@Injectable()
export class HookAuthGuard implements CanActivate {
  private readonly headers: HeaderAuthenticator;

  constructor(hook: HookConfig) {
    this.headers = new HeaderAuthenticator(hook.auth.headers);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (this.headers.verify(request.headers)) return true;
    throw new ApiError(ApiErrorCode.Unauthorized);
  }
}
