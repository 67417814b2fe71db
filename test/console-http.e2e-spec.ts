import { ConsoleSessions } from '../src/console/console-sessions.service';
import { CONSOLE_CSP } from '../src/console/page-answer';
import { ManualClock } from './support/clock';
import { consoleSection, freePort } from './support/console';
import { FakeTwilio, twilioProvider } from './support/fakes/twilio.fake';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';
import { EVENT_HOOK_SECRET } from './support/okta-events';
import { CLIENT_ID, TestOidcProvider } from './support/oidc-provider';
import { ADMIN_TOKEN, oktaValue, protectedConfig } from './support/protection';

const USER = { subject: '00uSUPPORT', name: 'support@example.com', groups: ['otg-support'] };

describe('support console over HTTP (e2e)', () => {
  let oidc: TestOidcProvider;
  let twilio: FakeTwilio;
  let gateway: Gateway;
  let url: string;
  /** A signed-in browser's cookie header and its CSRF token, without going through Okta. */
  const session = async (on = gateway) => {
    const sessions = on.app.get(ConsoleSessions);
    const cookie = (await sessions.start(USER)).split(';')[0];
    const found = await sessions.find(cookie);
    return { cookie, csrf: found!.session.csrf };
  };

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    oidc = await TestOidcProvider.start(() => `${url}/console/auth/callback`);
    twilio = await FakeTwilio.start();
    gateway = await startGateway(
      testConfig({
        server: { port },
        providers: { tw: twilioProvider(twilio) },
        routing: { default: ['tw'] },
        admin: { tokens: [ADMIN_TOKEN] },
        console: consoleSection(port, oidc),
      }),
    );
  });

  afterAll(async () => {
    await gateway.close();
    await twilio.close();
    await oidc.close();
  });

  it('should send sign-in to the provider with PKCE (S256), state and nonce, keeping them in a short signed cookie', async () => {
    const res = await gateway.http().get('/console/login?next=%2Fconsole%2Fproviders').expect(303);

    const to = new URL(res.headers.location);
    expect(`${to.origin}${to.pathname}`).toBe(`${oidc.issuer}/auth`);
    expect(Object.fromEntries(to.searchParams)).toEqual({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: `${url}/console/auth/callback`,
      scope: 'openid profile email groups',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: 'S256',
    });
    expect(res.headers['set-cookie']).toEqual([
      expect.stringMatching(
        /^__Host-otg-console-sign-in=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}; Path=\/; Max-Age=600; HttpOnly; Secure; SameSite=Lax$/,
      ),
    ]);
  });

  it('should refuse a callback without its sign-in cookie, and one whose state does not match', async () => {
    const lost = await gateway.http().get('/console/auth/callback?code=x&state=y').expect(400);
    expect(lost.text).toContain('<h1>Sign-in expired</h1>');

    const begun = await gateway.http().get('/console/login').expect(303);
    const signIn = (begun.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const forged = await gateway
      .http()
      .get('/console/auth/callback?code=stolen&state=not-the-state')
      .set('cookie', signIn)
      .expect(401);
    expect(forged.text).toContain('<h1>Sign-in did not complete</h1>');
    expect(gateway.logs.entries()).toContainEqual(
      expect.objectContaining({ msg: 'console sign-in refused', audit: true }),
    );
  });

  it.each([
    '/console',
    '/console/providers',
    '/console/countries',
    '/console/watchlist',
    '/console/deliveries/abc',
  ])('should never open %s with the admin Bearer token: sign in instead', async (path) => {
    const res = await gateway
      .http()
      .get(path)
      .set('authorization', `Bearer ${ADMIN_TOKEN}`)
      .expect(303);

    expect(res.headers.location).toBe(`/console/login?next=${encodeURIComponent(path)}`);
  });

  it('should serve pages with the strict CSP and no inline script or style, and its assets by hashed name', async () => {
    const { cookie } = await session();
    const res = await gateway.http().get('/console').set('cookie', cookie).expect(200);

    expect(res.headers['content-security-policy']).toBe(CONSOLE_CSP);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.text).not.toMatch(/<style|style=|<script(?![^>]*\bsrc=)|\son[a-z]+=/i);
    expect(res.text).not.toMatch(/https?:\/\//);
    const assets = [...res.text.matchAll(/(?:href|src)="(\/console\/assets\/[^"]+)"/g)].map(
      (m) => m[1],
    );
    expect(assets).toEqual([
      expect.stringMatching(/^\/console\/assets\/console\.[0-9a-f]{12}\.css$/),
      expect.stringMatching(/^\/console\/assets\/console\.[0-9a-f]{12}\.js$/),
    ]);
    for (const asset of assets) {
      const file = await gateway.http().get(asset).expect(200);
      expect(file.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    await gateway.http().get('/console/assets/console.000000000000.css').expect(404);
  });

  it('should sign out only with the session’s CSRF token from a page of this origin', async () => {
    const { cookie, csrf } = await session();
    const logout = (form: Record<string, string>, site?: string) => {
      const req = gateway
        .http()
        .post('/console/logout')
        .set('cookie', cookie)
        .type('form')
        .send(form);
      return site ? req.set('sec-fetch-site', site) : req;
    };

    expect((await logout({})).status).toBe(403);
    expect((await logout({ csrf: 'not-the-token' })).status).toBe(403);
    expect((await logout({ csrf }, 'cross-site')).status).toBe(403);
    expect((await logout({ csrf }).set('origin', 'https://evil.example')).status).toBe(403);
    await gateway.http().get('/console').set('cookie', cookie).expect(200);

    const out = await logout({ csrf }, 'same-origin').expect(303);
    expect(out.headers.location).toBe('/console/signed-out');
    expect(out.headers['set-cookie']).toEqual([
      '__Host-otg-console=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax',
    ]);
    await gateway.http().get('/console').set('cookie', cookie).expect(303);
  });

  it('should show a search with wrong fields as a 400 page naming them', async () => {
    const { cookie } = await session();
    const res = await gateway
      .http()
      .get('/console?user=jane%40example.com&phoneLast4=12')
      .set('cookie', cookie)
      .expect(400);

    expect(res.text).toContain('<li>phoneLast4: must be the last four digits of the number</li>');
  });

  it('should say on the watch list page that the watch list is off, with no table', async () => {
    const { cookie } = await session();
    const res = await gateway.http().get('/console/watchlist').set('cookie', cookie).expect(200);

    expect(res.text).toMatch(
      /<p role="status">The watch list is off \(protection\.adaptive\.enabled is false\)\.<\/p>/,
    );
    expect(res.text).not.toContain('<table');
    expect(res.text).toContain('<a href="/console/watchlist"  aria-current="page"');
  });

  describe('with keys on the watch list', () => {
    const ENROLLMENT = 'com.okta.user.telephony.pre-enrollment';
    /** Digits of the numbers enrolled, in every spelling a page could show them. */
    const NEVER = ['447400100', '7400100001', '7400100004', '74001000', '7400 1000', '+44740010'];
    let clock: ManualClock;
    let watching: Gateway;
    const enroll = async (n: number) =>
      oktaValue(
        (
          await watching
            .hook(
              hookRequest({
                phoneNumber: `+44740010000${n}`,
                userId: `00uStranger${n}`,
                ipAddress: `198.51.${n}.7`,
                requestType: ENROLLMENT,
              }),
            )
            .expect(200)
        ).body,
      ).status;

    beforeAll(async () => {
      const port = await freePort();
      clock = new ManualClock();
      const events = {
        auth: { headers: [{ name: 'authorization', secrets: [EVENT_HOOK_SECRET] }] },
      };
      watching = await startGateway(
        protectedConfig(
          twilio,
          { adaptive: { enabled: true } },
          { server: { port }, events, console: consoleSection(port, oidc) },
        ),
        {},
        { clock },
      );
      // As test/protection-adaptive.e2e-spec.ts: three codes to one range, none verified, then
      // past settleSeconds a fourth enrollment puts the range's keys on watch.
      for (const n of [1, 2, 3]) expect(await enroll(n)).toBe('SUCCESSFUL');
      clock.advance(121_000);
      expect(await enroll(4)).toBe('FAILED');
    });

    afterAll(async () => {
      await watching.close();
    });

    it('should list each watched key with its figures, times and action, and no number', async () => {
      const { cookie } = await session(watching);
      const res = await watching.http().get('/console/watchlist').set('cookie', cookie).expect(200);
      const api = await watching
        .http()
        .get('/protection/watchlist')
        .set('authorization', `Bearer ${ADMIN_TOKEN}`)
        .expect(200);
      const row = (key: string) => [
        key,
        'range',
        'GB',
        '3',
        '0',
        '85 %',
        'poor: few codes ever verified',
        '2026-11-23 09:02:01Z',
        '2026-11-23 15:02:01Z',
        'block',
        'no',
      ];

      expect(res.headers['content-security-policy']).toBe(CONSOLE_CSP);
      expect(res.text).toMatch(
        /<p role="status">Blocked: deliveries of enrollment requests to a watched key are refused, unless a verified history vouches for them\.<\/p>/,
      );
      expect(cellsOf(res.text, 'thead')).toEqual([
        [
          'Key',
          'Kind',
          'Country',
          'Sent',
          'Verified',
          'Baseline',
          'Evidence',
          'Since',
          'Until',
          'Action',
          'Monitored',
        ],
      ]);
      expect(cellsOf(res.text, 'tbody')).toEqual([
        row('+44 740'),
        row('+44 7400 1'),
        row('+44 7400 1**'),
      ]);
      expect(cellsOf(res.text, 'tbody').map((r) => r[0])).toEqual(
        (api.body as { watched: { key: string }[] }).watched.map((w) => w.key),
      );
      expect(res.text).toContain('<th scope="row">+44 7400 1**</th>');
      expect(res.text).not.toMatch(/<style|style=|<script(?![^>]*\bsrc=)|\son[a-z]+=/i);
      for (const digits of NEVER) expect(res.text).not.toContain(digits);
      expect(watching.logs.entries()).toContainEqual(
        expect.objectContaining({ msg: 'console view', view: 'watchlist', watched: 3 }),
      );
    });
  });

  it('should not exist when console.enabled is false (the default)', async () => {
    const off = await startGateway(
      testConfig({ providers: { tw: twilioProvider(twilio) }, routing: { default: ['tw'] } }),
    );
    try {
      await off.http().get('/console').expect(404);
      await off.http().get('/console/login').expect(404);
    } finally {
      await off.close();
    }
  });
});

/** The text of each cell of each row in the page's first `<thead>` or `<tbody>`, tags dropped. */
function cellsOf(markup: string, part: 'thead' | 'tbody'): string[][] {
  const section = new RegExp(`<${part}>([\\s\\S]*?)</${part}>`).exec(markup)?.[1] ?? '';
  return [...section.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) =>
    [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => textOf(cell)),
  );
}

function textOf(markup: string): string {
  return markup
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
