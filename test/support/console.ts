import { createServer } from 'node:net';
import { Page } from 'playwright-core';
import { ALLOWED_GROUP, CLIENT_ID, CLIENT_SECRET, TestOidcProvider } from './oidc-provider';

export const SESSION_SECRET = 'console-session-secret-for-tests-0123456789';

/** A port nobody listens on now, so the gateway's URL is known before it starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The `console` section for a gateway on this port signing in with this provider. */
export function consoleSection(port: number, oidc: TestOidcProvider): Record<string, unknown> {
  return {
    enabled: true,
    oidc: {
      issuer: oidc.issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUri: `http://127.0.0.1:${port}/console/auth/callback`,
      allowedGroups: [ALLOWED_GROUP],
    },
    session: { secret: SESSION_SECRET },
  };
}

/**
 * Signs in through the provider's own pages, as a person would: the console sends the browser
 * to the provider, whose login form takes the login (any password), then its consent page.
 */
export async function signIn(
  page: Page,
  gatewayUrl: string,
  login: string,
  path = '/console',
): Promise<void> {
  await page.goto(`${gatewayUrl}${path}`);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[autofocus], button[type="submit"]').first().click(); // consent
  await page.waitForURL((url) => url.origin === gatewayUrl);
}
