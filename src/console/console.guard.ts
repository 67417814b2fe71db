import { CanActivate, createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { FoundSession, ConsoleSessions } from './console-sessions.service';
import { SignInRequired } from './console-session';

type ConsoleRequest = FastifyRequest & { consoleSession?: FoundSession };

/**
 * Console pages need a live console session, from the session cookie alone: an admin Bearer
 * token (or any Authorization header) opens no page. Without one the browser goes to sign in.
 */
@Injectable()
export class ConsoleGuard implements CanActivate {
  constructor(private readonly sessions: ConsoleSessions) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ConsoleRequest>();
    const found = await this.sessions.find(request.headers.cookie);
    if (!found) throw new SignInRequired(request.method === 'GET' ? request.url : '/console');
    request.consoleSession = found;
    return true;
  }
}

/** The session ConsoleGuard found for this request. */
export const CurrentSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext): FoundSession =>
    context.switchToHttp().getRequest<ConsoleRequest>().consoleSession!,
);
