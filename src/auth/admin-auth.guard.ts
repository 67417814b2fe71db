import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { bearerToken } from '../common/bearer';
import { AdminConfig } from './admin.config';
import { HeaderAuthConfig } from './auth.config';
import { HeaderAuthenticator } from './header-auth';

/**
 * `Authorization: Bearer <one of admin.tokens>`, compared in constant time. With no token
 * configured the admin routes do not exist (404), so an empty list can never mean "open".
 */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  private readonly tokens: HeaderAuthenticator;

  constructor(admin: AdminConfig) {
    const header = Object.assign(new HeaderAuthConfig(), { name: 'token', secrets: admin.tokens });
    this.tokens = new HeaderAuthenticator(admin.tokens.length > 0 ? [header] : []);
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.tokens.configured) throw new ApiError(ApiErrorCode.NotFound);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = bearerToken(request.headers.authorization) ?? '';
    if (this.tokens.verify({ token })) return true;
    throw new ApiError(ApiErrorCode.Unauthorized);
  }
}
