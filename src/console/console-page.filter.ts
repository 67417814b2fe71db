import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { scrubDigits } from '../common/scrub';
import { ConsoleRefusal, SignInRequired } from './console-session';
import { page, PageAnswer, redirect, send } from './page-answer';
import { Html, html } from './views/html';
import { messagePage } from './views/layout';

/**
 * Errors on console routes become pages, not Okta's JSON: sign-in required → to the sign-in
 * (then back to the page asked for), a refusal → its page and status, anything unexpected → 500
 * with nothing about it on the page.
 */
@Catch()
export class ConsolePageFilter implements ExceptionFilter {
  private readonly logger = new Logger('Console');

  catch(exception: unknown, host: ArgumentsHost): void {
    void send(host.switchToHttp().getResponse<FastifyReply>(), this.answer(exception));
  }

  private answer(exception: unknown): PageAnswer {
    if (exception instanceof SignInRequired) {
      return redirect(`/console/login?next=${encodeURIComponent(exception.returnTo)}`);
    }
    if (exception instanceof ConsoleRefusal) {
      return page(
        exception.status,
        messagePage(exception.title, [exception.explanation, signInLink()]),
      );
    }
    if (exception instanceof ApiError && exception.code === ApiErrorCode.NotFound) {
      return page(404, messagePage('Not found', ['There is no such console page.']));
    }
    if (exception instanceof ApiError && exception.code === ApiErrorCode.StoreUnavailable) {
      return page(503, messagePage('Try again shortly', ['The shared store is unavailable.']));
    }
    const problem =
      exception instanceof Error
        ? scrubDigits(`${exception.name}: ${exception.message}`)
        : 'unknown';
    this.logger.error({ problem }, 'console page failed');
    return page(
      500,
      messagePage('Something went wrong', ['The page could not be shown. Try again.']),
    );
  }
}

function signInLink(): Html {
  return html`<a href="/console/login">Sign in again</a>`;
}
