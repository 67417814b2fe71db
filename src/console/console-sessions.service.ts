import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { KEY_VALUE_STORE, KeyValueStore } from '../store/key-value-store';
import { ConsoleConfig } from './console.config';
import { ConsoleSession, ConsoleUser } from './console-session';
import { cookie, readCookie, SESSION_COOKIE, sign, unsign } from './cookies';

/** A session's last use is written again at most this often (not on every page). */
const TOUCH_AFTER_MS = 60_000;

/** A session found from a request's cookie, with the cookie to send back when it was renewed. */
export interface FoundSession {
  readonly id: string;
  readonly session: ConsoleSession;
}

/**
 * Console sessions in the shared store (`console-session:<hash of the id>`), so any replica
 * serves them and sign-out ends them everywhere. The browser holds only the id, signed with
 * `console.session.secret`; a session ends after `idleTimeoutMinutes` unused or
 * `absoluteTimeoutHours` after sign-in, whichever comes first.
 */
@Injectable()
export class ConsoleSessions {
  private readonly idleMs: number;
  private readonly absoluteMs: number;
  private readonly secret: string;

  constructor(
    @Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore,
    config: ConsoleConfig,
  ) {
    this.idleMs = config.session.idleTimeoutMinutes * 60_000;
    this.absoluteMs = config.session.absoluteTimeoutHours * 3_600_000;
    this.secret = config.session.secret;
  }

  /** Starts a session; the `set-cookie` value to send. */
  async start(user: ConsoleUser, now = Date.now()): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const session: ConsoleSession = {
      user,
      createdAt: now,
      seenAt: now,
      csrf: randomBytes(24).toString('base64url'),
    };
    await this.store.set(keyOf(id), session, Math.min(this.idleMs, this.absoluteMs));
    return cookie(SESSION_COOKIE, sign(id, this.secret), Math.floor(this.absoluteMs / 1000));
  }

  /** The live session the request's cookie names, its last use renewed; undefined when none. */
  async find(
    cookieHeader: string | undefined,
    now = Date.now(),
  ): Promise<FoundSession | undefined> {
    const id = unsign(readCookie(cookieHeader, SESSION_COOKIE), this.secret);
    if (!id) return undefined;
    const session = await this.store.get<ConsoleSession>(keyOf(id));
    if (!session) return undefined;
    const endsAt = Math.min(session.seenAt + this.idleMs, session.createdAt + this.absoluteMs);
    if (now >= endsAt) {
      await this.store.delete(keyOf(id));
      return undefined;
    }
    if (now - session.seenAt < TOUCH_AFTER_MS) return { id, session };
    const touched = { ...session, seenAt: now };
    const ttl = Math.min(this.idleMs, session.createdAt + this.absoluteMs - now);
    await this.store.set(keyOf(id), touched, ttl);
    return { id, session: touched };
  }

  /** Ends the session; the `set-cookie` value that removes the cookie. */
  async end(id: string | undefined): Promise<string> {
    if (id) await this.store.delete(keyOf(id));
    return cookie(SESSION_COOKIE, '', 0);
  }
}

/** The store never holds a usable id: a dump of it cannot be replayed as a cookie. */
function keyOf(id: string): string {
  return `console-session:${createHash('sha256').update(id).digest('base64url')}`;
}
