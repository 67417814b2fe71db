import { MemoryStore } from '../store/memory.store';
import { ConsoleSessions } from './console-sessions.service';
import { ConsoleConfig } from './console.config';
import { SESSION_COOKIE } from './cookies';

const MINUTE = 60_000;
const user = { subject: '00uSUPPORT', name: 'support@example.com', groups: ['otg-support'] };

describe(ConsoleSessions.name, () => {
  let clock: number;
  let sut: ConsoleSessions;
  const config = Object.assign(new ConsoleConfig(), {
    session: {
      secret: 'a-session-secret-of-at-least-32-chars',
      idleTimeoutMinutes: 30,
      absoluteTimeoutHours: 8,
    },
  });
  /** The `cookie` header a browser sends back for a `set-cookie` value. */
  const sentBack = (setCookie: string) => setCookie.split(';')[0];

  beforeEach(() => {
    clock = Date.parse('2026-05-01T08:00:00Z');
    sut = new ConsoleSessions(new MemoryStore(1000, () => clock), config);
  });

  it('should set a HttpOnly, Secure, SameSite=Lax cookie for the whole host, lasting the absolute timeout', async () => {
    const setCookie = await sut.start(user, clock);

    expect(setCookie).toMatch(
      new RegExp(
        `^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}; Path=/; Max-Age=28800; HttpOnly; Secure; SameSite=Lax$`,
      ),
    );
  });

  it('should find the session while it is used, and end it after 30 minutes unused', async () => {
    const cookie = sentBack(await sut.start(user, clock));

    clock += 29 * MINUTE;
    expect((await sut.find(cookie, clock))?.session.user).toEqual(user);
    clock += 29 * MINUTE;
    expect((await sut.find(cookie, clock))?.session.user).toEqual(user);
    clock += 31 * MINUTE;
    expect(await sut.find(cookie, clock)).toBeUndefined();
  });

  it('should end the session 8 hours after sign-in however much it is used', async () => {
    const cookie = sentBack(await sut.start(user, clock));
    for (let i = 0; i < 16; i++) {
      clock += 29 * MINUTE;
      await sut.find(cookie, clock);
    }
    expect(await sut.find(cookie, clock)).toBeDefined(); // 7 h 44 min

    clock += 20 * MINUTE;
    expect(await sut.find(cookie, clock)).toBeUndefined();
  });

  it('should refuse a cookie whose signature does not match, and one signed out', async () => {
    const cookie = sentBack(await sut.start(user, clock));
    const [name, value] = cookie.split('=');
    const [id] = value.split('.');

    expect(await sut.find(`${name}=${id}.forged`, clock)).toBeUndefined();
    expect(await sut.find(`${name}=${id}`, clock)).toBeUndefined();

    const found = await sut.find(cookie, clock);
    expect(await sut.end(found?.id)).toBe(
      `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax`,
    );
    expect(await sut.find(cookie, clock)).toBeUndefined();
  });
});
