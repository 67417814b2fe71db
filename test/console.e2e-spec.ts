import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import {
  describeWithChromium,
  launchChromium,
  loopbackContext,
  SCREENSHOTS,
} from './support/browser';
import { consoleSection, freePort, signIn } from './support/console';
import { FakeTwilio, twilioError, twilioProvider } from './support/fakes/twilio.fake';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { TestOidcProvider } from './support/oidc-provider';
import { hookRequest } from './support/okta';

const JANE = { userId: '00uJANE0000000000001', login: 'jane.doe@example.com' };
const CODES = ['731904', '552817', '690243'];
/** What the pages must never show: codes, message text, whole numbers (in any spelling). */
const NEVER = [...CODES, 'verification code', '4155552671', '415 555', '37120123456', '2012 3456'];

describeWithChromium('support console in a browser (e2e)', () => {
  let oidc: TestOidcProvider;
  let main: FakeTwilio;
  let backup: FakeTwilio;
  let gateway: Gateway;
  let browser: Browser;
  let url: string;
  let deliveries: { delivered: string; failedOver: string; blocked: string };

  const shoot = (page: Page, name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  /** The page's visible text and its markup hold nothing secret. */
  const expectNothingSecret = async (page: Page) => {
    const text = await page.locator('body').innerText();
    const markup = await page.content();
    for (const secret of NEVER) {
      expect(text).not.toContain(secret);
      expect(markup).not.toContain(secret);
    }
  };
  const send = async (body: Record<string, unknown>) =>
    (await gateway.hook(body).expect(200)).body as unknown;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    oidc = await TestOidcProvider.start(() => `${url}/console/auth/callback`);
    main = await FakeTwilio.start();
    backup = await FakeTwilio.start();
    gateway = await startGateway(
      testConfig({
        server: { port },
        providers: { 'twilio-main': twilioProvider(main), 'twilio-backup': twilioProvider(backup) },
        routing: { default: ['twilio-main', 'twilio-backup'] },
        protection: { countries: { deny: ['LV'] } },
        console: consoleSection(port, oidc),
      }),
    );
    await send(hookRequest({ ...JANE, otpCode: CODES[0] }));
    main.script(() => twilioError(503, 20503));
    await send(hookRequest({ ...JANE, otpCode: CODES[1] }));
    main.script();
    await send(hookRequest({ ...JANE, otpCode: CODES[2], phoneNumber: '+37120123456' }));
    const logged = gateway.logs.entries().filter((e) => String(e.msg).startsWith('delivery '));
    const [delivered, failedOver, blocked] = logged.map((e) => e.deliveryId as string);
    deliveries = { delivered, failedOver, blocked };
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    await main?.close();
    await backup?.close();
    await oidc?.close();
  });

  describe('signed in as a member of the allowed group', () => {
    let context: BrowserContext;
    let elsewhere: string[];
    let page: Page;

    beforeAll(async () => {
      ({ context, elsewhere } = await loopbackContext(browser));
      page = await context.newPage();
      await signIn(page, url, 'support@example.com');
      elsewhere.length = 0; // the provider's own pages ask for a web font; the console's may not
    });

    afterAll(async () => {
      expect(elsewhere).toEqual([]);
      await context.close();
    });

    it('should find the user’s three deliveries, newest first, each saying how it ended', async () => {
      await page.getByLabel('Okta user').fill(JANE.login);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/\/console\?user=/);

      const rows = page.locator('tbody tr');
      expect(await rows.count()).toBe(3);
      expect(await rows.nth(0).innerText()).toMatch(
        /blocked\s+sms · LV\s+\+371\*+56\s+Blocked by protection \(country-deny\): destination country LV is denied/,
      );
      expect(await rows.nth(1).innerText()).toMatch(
        /queued\s+sms · US\s+\+1\*+71\s+Sent through twilio-backup after twilio-main \(transient\) failed; last status queued/,
      );
      expect(await rows.nth(2).innerText()).toMatch(
        /queued\s+sms · US\s+\+1\*+71\s+Sent through twilio-main; last status queued/,
      );
      await expectNothingSecret(page);
      await shoot(page, 'search');
    });

    it.each([
      [
        'delivered',
        'Sent through twilio-main; last status queued',
        [
          'Protection allowed it',
          'Attempt 1: twilio-main (twilio) accepted the message',
          'Okta was answered: sent',
        ],
      ],
      [
        'failedOver',
        'Sent through twilio-backup after twilio-main (transient) failed',
        [
          'Attempt 1: twilio-main (twilio) failed: transient',
          'Twilio failed (HTTP 503, code 20503)',
          'Attempt 2: twilio-backup (twilio) accepted the message',
        ],
      ],
      [
        'blocked',
        'Blocked by protection (country-deny): destination country LV is denied',
        [
          'Protection blocked it: nothing was sent',
          'country-deny: destination country LV is denied',
          'Okta was answered: blocked',
        ],
      ],
    ] as const)('should show the timeline of the %s delivery', async (which, why, steps) => {
      await page.goto(`${url}/console/deliveries/${deliveries[which]}`);

      expect(await page.locator('h1').innerText()).toMatch(/^Delivery to \+\d{1,3}\*+\d\d$/);
      expect(await page.locator('.why').innerText()).toContain(why);
      const timeline = await page.locator('ol.timeline').innerText();
      expect(timeline).toContain('Okta asked for a code');
      for (const step of steps) expect(timeline).toContain(step);
      await expectNothingSecret(page);
      await shoot(page, `delivery-${which}`);
    });

    it('should show each provider’s breaker and recent attempts', async () => {
      await page.getByRole('link', { name: 'Providers' }).click();

      const rows = page.locator('tbody tr');
      expect(await rows.nth(0).innerText()).toMatch(
        /twilio-main\s+twilio \(sms, voice\)\s+closed \(sending\)\s+2\s+50 %/,
      );
      expect(await rows.nth(1).innerText()).toMatch(
        /twilio-backup\s+twilio \(sms, voice\)\s+closed \(sending\)\s+1\s+100 %/,
      );
      await shoot(page, 'providers');
    });

    it('should show codes sent per country and no pumping alarm', async () => {
      await page.getByRole('link', { name: 'Countries' }).click();

      expect(await page.getByRole('status').innerText()).toBe('No pumping alarm.');
      expect(await page.locator('tbody tr').first().innerText()).toMatch(/^US\s+2\s+0\s/);
      await shoot(page, 'countries');
    });

    it('should reach the watch list from the navigation, saying when it is off', async () => {
      await page.getByRole('link', { name: 'Watch list' }).click();

      expect(await page.locator('h1').innerText()).toBe('Watch list');
      expect(await page.getByRole('status').innerText()).toBe(
        'The watch list is off (protection.adaptive.enabled is false).',
      );
      expect(await page.locator('nav [aria-current="page"]').innerText()).toBe('Watch list');
      await shoot(page, 'watchlist');
    });

    it('should write an audit line for each view, naming who looked at which delivery', () => {
      const audit = gateway.logs.entries().filter((e) => e.msg === 'console view');

      expect(audit).toContainEqual(
        expect.objectContaining({
          who: 'support@example.com',
          view: 'delivery',
          deliveryId: deliveries.blocked,
          found: true,
        }),
      );
      expect(audit).toContainEqual(
        expect.objectContaining({
          who: 'support@example.com',
          view: 'search',
          user: JANE.login,
          results: 3,
        }),
      );
      expect(JSON.stringify(audit)).not.toMatch(/731904|552817|690243|4155552671|37120123456/);
    });

    it('should end the session on sign-out, for this browser and for the cookie it had', async () => {
      const cookies = await context.cookies();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`${url}/console/signed-out`);
      await shoot(page, 'signed-out');

      // This browser, and the cookie it had replayed elsewhere, are sent to sign in again.
      const again = await context.request.get(`${url}/console/providers`, { maxRedirects: 0 });
      expect(again.status()).toBe(303);
      expect(again.headers().location).toBe('/console/login?next=%2Fconsole%2Fproviders');
      const replay = await gateway
        .http()
        .get('/console/providers')
        .set('cookie', cookies.map((c) => `${c.name}=${c.value}`).join('; '));
      expect(replay.status).toBe(303);
      expect(replay.headers.location).toBe('/console/login?next=%2Fconsole%2Fproviders');
    });
  });

  it('should refuse a user outside the allowed groups', async () => {
    const { context } = await loopbackContext(browser);
    const page = await context.newPage();
    try {
      await signIn(page, url, 'outsider@example.com');

      expect(await page.locator('h1').innerText()).toBe('Not allowed');
      await shoot(page, 'not-allowed');
      await page.goto(`${url}/console`); // signed in at the provider still, refused again
      expect(await page.locator('h1').innerText()).toBe('Not allowed');
    } finally {
      await context.close();
    }
    expect(gateway.logs.entries()).toContainEqual(
      expect.objectContaining({
        msg: 'console sign-in refused',
        who: 'outsider@example.com',
        reason: 'not in an allowed group',
      }),
    );
  });
});
