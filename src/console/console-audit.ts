import { Injectable, Logger } from '@nestjs/common';
import { ConsoleUser } from './console-session';

/** What was looked at: a page and what it showed (ids and a searched user, never digits of a number). */
export type AuditedView =
  | {
      readonly view: 'search';
      readonly user?: string;
      readonly filters: readonly string[];
      readonly results: number;
    }
  | {
      readonly view: 'delivery';
      readonly deliveryId: string;
      readonly transactionId?: string;
      readonly found: boolean;
    }
  | { readonly view: 'watchlist'; readonly watched: number }
  | { readonly view: 'providers' | 'countries' };

/**
 * The console's audit trail, one `console view` log line per page shown (logger ConsoleAudit):
 * who (the Okta user) looked at what. Sign-ins, refusals and sign-outs have lines of their own.
 */
@Injectable()
export class ConsoleAudit {
  private readonly logger = new Logger('ConsoleAudit');

  viewed(user: ConsoleUser, what: AuditedView): void {
    this.logger.log(
      { audit: true, who: user.name, subject: user.subject, ...what },
      'console view',
    );
  }

  signedIn(user: ConsoleUser): void {
    this.logger.log(
      { audit: true, who: user.name, subject: user.subject, groups: user.groups },
      'console sign-in',
    );
  }

  refused(who: string | undefined, reason: string): void {
    this.logger.warn({ audit: true, who, reason }, 'console sign-in refused');
  }

  signedOut(user: ConsoleUser): void {
    this.logger.log({ audit: true, who: user.name, subject: user.subject }, 'console sign-out');
  }
}
