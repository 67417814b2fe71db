import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export const CLIENT_ID = 'otg-console-test';
export const CLIENT_SECRET = 'console-client-secret-for-tests-0123';
export const ALLOWED_GROUP = 'otg-support';

/** The two people of the tests: one in the allowed group, one not. */
export const USERS: Readonly<Record<string, { readonly name: string; readonly groups: string[] }>> =
  {
    'support@example.com': { name: 'Sam Support', groups: ['Everyone', ALLOWED_GROUP] },
    'outsider@example.com': { name: 'Olly Outsider', groups: ['Everyone', 'sales'] },
  };

/**
 * A real OpenID Connect provider (`oidc-provider`) on 127.0.0.1, standing in for the customer's
 * Okta: one confidential web client with the console's redirect URI, PKCE required, the ID token
 * carrying `email`, `preferred_username` and `groups` (as Okta's org authorization server does
 * with the `groups` scope). Its development login page takes any password.
 */
export class TestOidcProvider {
  private constructor(
    private readonly server: Server,
    readonly issuer: string,
  ) {}

  static async start(redirectUri: () => string): Promise<TestOidcProvider> {
    let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
    const server = createServer((req, res) => handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          get redirect_uris() {
            return [redirectUri()];
          },
          response_types: ['code'],
          grant_types: ['authorization_code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      findAccount: (_ctx, id) => {
        const user = USERS[id];
        if (!user) return undefined;
        return {
          accountId: id,
          claims: () => ({
            sub: id,
            email: id,
            preferred_username: id,
            name: user.name,
            groups: user.groups,
          }),
        };
      },
      claims: {
        openid: ['sub'],
        email: ['email'],
        profile: ['name', 'preferred_username'],
        groups: ['groups'],
      },
      scopes: ['openid', 'profile', 'email', 'groups'],
      conformIdTokenClaims: false,
      pkce: { required: () => true },
      cookies: { keys: ['oidc-provider-cookie-key-for-tests'] },
    });
    const callback = provider.callback();
    handle = (req, res) => void callback(req, res);
    return new TestOidcProvider(server, issuer);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
