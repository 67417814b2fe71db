import { Logger } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { noteRefusalReason } from '../common/refusal-listener';

/**
 * Why a hook, event-hook or callback request was refused (docs/troubleshooting.md maps each to
 * its fix). A class of cause only: never the secret, the token or a header's value.
 */
export type AuthRefusalReason =
  | 'no credential'
  | 'unknown header name'
  | 'wrong secret'
  | 'malformed Bearer'
  | 'token expired'
  | 'wrong audience'
  | 'wrong issuer'
  | 'missing scope'
  | 'unknown kid'
  | 'invalid token'
  | 'JWKS unreachable'
  | 'wrong signature';

/** What a refused request leaves in the log: where it came from, never what it carried. */
export interface AuthRefusal {
  readonly reason: AuthRefusalReason;
  readonly route: string;
  readonly clientIp: string;
  /** Names (never values) of unexpected headers, for "unknown header name". */
  readonly headerNames?: readonly string[];
}

const WINDOW_MS = 60_000;

interface Window {
  startedAt: number;
  count: number;
}

/**
 * One `warn` line per reason per minute, so a flood cannot fill the log: the first refusal of a
 * reason in a minute is written with `count`, the refusals of that reason since the last line
 * (this one included); the others only add to the next line's count.
 */
export class AuthRefusalLog {
  private readonly logger = new Logger('AuthRefusal');
  private readonly windows = new Map<AuthRefusalReason, Window>();

  constructor(private readonly now: () => number = Date.now) {}

  refused(refusal: AuthRefusal): void {
    const at = this.now();
    const window = this.windows.get(refusal.reason);
    if (window && at - window.startedAt < WINDOW_MS) {
      window.count++;
      return;
    }
    const count = (window?.count ?? 0) + 1;
    this.windows.set(refusal.reason, { startedAt: at, count: 0 });
    this.logger.warn({ ...refusal, count }, `request refused: ${refusal.reason}`);
  }
}

/**
 * The refusal of this request: its path without the query (which may carry a token) and IP. The
 * reason is also noted for the refusal listeners (`otg_requests_refused_total`).
 */
export function refusalOf(
  request: FastifyRequest,
  why: AuthRefusalReason | { reason: AuthRefusalReason; others?: string[] },
): AuthRefusal {
  const { reason, others } = typeof why === 'string' ? { reason: why, others: undefined } : why;
  noteRefusalReason(request, reason);
  return {
    reason,
    route: `${request.method} ${request.url.split('?')[0]}`,
    clientIp: request.ip,
    ...(others ? { headerNames: others } : {}),
  };
}
