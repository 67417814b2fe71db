import { Injectable, Logger } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { safeEqual } from '../common/safe-equal';
import { scrubDigits } from '../common/scrub';
import { ConsoleAudit } from './console-audit';
import { ConsoleOidc, NotInAllowedGroup, SignInTransaction } from './console-oidc.service';
import { ConsoleRefusal } from './console-session';
import { ConsoleSessions, FoundSession } from './console-sessions.service';
import { ConsoleConfig } from './console.config';
import { cookie, readCookie, sign, SIGN_IN_COOKIE, unsign } from './cookies';
import { page, PageAnswer, redirect } from './page-answer';
import { html } from './views/html';
import { messagePage } from './views/layout';

/** Long enough to type a password and answer an MFA prompt. */
const SIGN_IN_SECONDS = 600;
/** A console page (path and query) to come back to; anything else comes back to /console. */
const RETURN_TO = /^\/console(?:\/[A-Za-z0-9._~%/-]*)?(?:\?[A-Za-z0-9._~%&=+-]*)?$/;

/**
 * Sign-in, its callback and sign-out. The sign-in's state, nonce and PKCE verifier travel in a
 * short-lived signed cookie, so any replica can take the callback; a completed sign-in becomes
 * a session (ConsoleSessions). Sign-out is a POST carrying the session's CSRF token from a page
 * of the console itself.
 */
@Injectable()
export class ConsoleSignIn {
  private readonly logger = new Logger('Console');
  private readonly secret: string;
  private readonly origin: string;

  constructor(
    private readonly oidc: ConsoleOidc,
    private readonly sessions: ConsoleSessions,
    private readonly audit: ConsoleAudit,
    config: ConsoleConfig,
  ) {
    this.secret = config.session.secret;
    this.origin = new URL(config.oidc.redirectUri).origin;
  }

  /** `GET /console/login`: to Okta, the transaction in a cookie. */
  async begin(next: unknown): Promise<PageAnswer> {
    const returnTo = typeof next === 'string' && RETURN_TO.test(next) ? next : '/console';
    const { url, transaction } = await this.oidc.begin(returnTo);
    const value = sign(Buffer.from(JSON.stringify(transaction)).toString('base64url'), this.secret);
    return redirect(url.href, [cookie(SIGN_IN_COOKIE, value, SIGN_IN_SECONDS)]);
  }

  /** `GET /console/auth/callback`: checks everything, then a session, or a page saying why not. */
  async complete(request: FastifyRequest): Promise<PageAnswer> {
    const transaction = this.transactionOf(request.headers.cookie);
    const clear = cookie(SIGN_IN_COOKIE, '', 0);
    if (!transaction)
      return refused(400, 'Sign-in expired', 'Start again from the console.', [clear]);
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    try {
      const user = await this.oidc.complete(query, transaction);
      this.audit.signedIn(user);
      return redirect(transaction.returnTo, [clear, await this.sessions.start(user)]);
    } catch (error) {
      if (error instanceof NotInAllowedGroup) {
        this.audit.refused(error.who, 'not in an allowed group');
        return refused(
          403,
          'Not allowed',
          'Your Okta account is not in a group allowed to use the support console. Ask your Okta administrator.',
          [clear],
        );
      }
      const problem =
        error instanceof Error ? scrubDigits(`${error.name}: ${error.message}`) : 'unknown';
      this.audit.refused(undefined, problem);
      this.logger.warn({ problem }, 'console sign-in failed');
      return refused(401, 'Sign-in did not complete', 'Okta did not confirm who you are.', [clear]);
    }
  }

  /** `POST /console/logout`: ends the session once the request proves it came from a console page. */
  async end(request: FastifyRequest, found: FoundSession): Promise<PageAnswer> {
    this.checkSameOrigin(request, found);
    this.audit.signedOut(found.session.user);
    return redirect('/console/signed-out', [await this.sessions.end(found.id)]);
  }

  /** CSRF: the session's token in the form (or a header), sent from a page of this origin. */
  private checkSameOrigin(request: FastifyRequest, found: FoundSession): void {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const header = request.headers['x-csrf-token'];
    const token =
      typeof body.csrf === 'string' ? body.csrf : typeof header === 'string' ? header : '';
    const origin = request.headers.origin;
    const site = request.headers['sec-fetch-site'];
    // Browsers say where a request comes from in Sec-Fetch-Site; with no-referrer they send
    // `Origin: null` from our own pages, so Origin is only read when Sec-Fetch-Site is absent.
    const fromHere =
      site !== undefined ? site === 'same-origin' : origin === undefined || origin === this.origin;
    if (!fromHere || !safeEqual(token, found.session.csrf)) {
      throw new ConsoleRefusal(
        403,
        'Request refused',
        'The form did not come from this console. Reload the page and try again.',
      );
    }
  }

  private transactionOf(cookieHeader: string | undefined): SignInTransaction | undefined {
    const value = unsign(readCookie(cookieHeader, SIGN_IN_COOKIE), this.secret);
    if (!value) return undefined;
    try {
      return JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as SignInTransaction;
    } catch {
      return undefined;
    }
  }
}

function refused(status: number, title: string, text: string, cookies: string[]): PageAnswer {
  const again = html`<a href="/console/login">Sign in again</a>`;
  return { status, html: messagePage(title, [text, again]), cookies };
}

/** The page after sign-out. */
export function signedOutPage(): PageAnswer {
  return page(
    200,
    messagePage('Signed out', [
      html`You are signed out of the support console. <a href="/console/login">Sign in</a>`,
    ]),
  );
}
