import { lines, otg } from './support/cli';
import { FakeResponse, FakeServer } from './support/fake-server';
import { itWithOpenssl, selfSignedServer } from './support/tls';

// Each `otg` run is a new Node process: about a second, several on a loaded machine.
jest.setTimeout(60_000);

const TOKEN = 'okta-api-token-for-tests-0123456789';
const FORBIDDEN = {
  errorCode: 'E0000006',
  errorSummary: 'You do not have permission to perform the requested action',
  errorLink: 'E0000006',
  errorId: 'oae1',
  errorCauses: [],
};

/** `otg okta status` against `org`, with an API token. */
const status = (org: string, env: Record<string, string> = {}) =>
  otg(['okta', 'status', '--org', org], { OKTA_API_TOKEN: TOKEN, ...env });

describe('otg errors (e2e): clear, actionable, no stack trace, no secret', () => {
  let okta: FakeServer;
  let answer: FakeResponse;

  beforeAll(async () => {
    okta = await FakeServer.start(() => answer);
  });

  afterAll(() => okta.close());

  it('should ask for credentials, and for the org URL rather than the Admin Console, before calling Okta', async () => {
    const none = await otg(['okta', 'status', '--org', okta.url]);
    const admin = await status('https://acme-admin.okta.com');
    const plain = await status('http://acme.okta.com');

    expect(none.code).toBe(2);
    expect(lines(none.stderr)).toEqual([
      '✖ No Okta credentials: set OKTA_CLIENT_ID and OKTA_PRIVATE_KEY_FILE (an API service app with private_key_jwt and the scopes okta.inlineHooks.manage, okta.eventHooks.manage), or OKTA_API_TOKEN.',
      '  See docs/cli.md, "Okta credentials".',
    ]);
    expect(lines(admin.stderr)).toEqual([
      "✖ --org is the Admin Console's address: use https://acme.okta.com.",
    ]);
    expect(lines(plain.stderr)).toEqual([
      '✖ --org must be an https:// URL, e.g. https://acme.okta.com.',
    ]);
    expect([admin.code, plain.code]).toEqual([2, 2]);
    expect(okta.requests).toEqual([]);
  });

  it('should say Okta is unreachable', async () => {
    const closed = await FakeServer.start(() => answer);
    const url = closed.url;
    await closed.close();

    const run = await status(url);

    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      `✖ Cannot reach Okta at ${url}: connection refused. Is it running there?`,
    ]);
  });

  it('should explain a 401 without printing the token', async () => {
    answer = {
      status: 401,
      body: {
        errorCode: 'E0000011',
        errorSummary: 'Invalid token provided',
        errorLink: 'E0000011',
        errorId: 'oae2',
        errorCauses: [],
      },
    };

    const run = await status(okta.url);

    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      '✖ Okta refused the credentials (401 E0000011).',
      '  Check OKTA_API_TOKEN (tokens are revoked after 30 days unused), or the service app of OKTA_CLIENT_ID.',
    ]);
    expect(run.stderr + run.stdout).not.toContain(TOKEN);
  });

  it("should name the scope of Okta's insufficient_scope challenge, else the admin role, on a 403", async () => {
    const challenge = `Bearer authorization_uri="${okta.url}/oauth2/v1/authorize", realm="${okta.url}", scope="okta.inlineHooks.read", error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", resource="/api/v1/inlineHooks"`;
    answer = { status: 403, headers: { 'www-authenticate': challenge }, body: FORBIDDEN };
    const scope = await status(okta.url);
    answer = { status: 403, body: FORBIDDEN };
    const role = await status(okta.url);

    expect([scope.code, role.code]).toEqual([1, 1]);
    expect(lines(scope.stderr)).toEqual([
      '✖ Okta refused: the access token lacks the scope okta.inlineHooks.read (403).',
      '  Grant okta.inlineHooks.read to the service app: Admin Console → Applications → the app → Okta API Scopes.',
    ]);
    expect(lines(role.stderr)).toEqual([
      '✖ Okta refused: these credentials may not manage hooks (403 E0000006).',
      '  A service app needs the scope okta.inlineHooks.manage and an admin role (Applications → the app → Admin roles); an API token acts as the administrator who created it, who needs a role that manages hooks.',
    ]);
  });

  itWithOpenssl(
    'should name a TLS failure and how to trust a private authority, which then works',
    async () => {
      const server = await selfSignedServer(() => []);
      try {
        const refused = await status(server.url);
        const gateway = await otg(['send', '--to', '+14155552671', '--url', server.url]);
        const trusted = await status(server.url, { NODE_EXTRA_CA_CERTS: server.certFile });

        expect(refused.code).toBe(1);
        expect(lines(refused.stderr)).toEqual([
          `✖ TLS error with Okta at ${server.url}: its certificate is self-signed.`,
          '  If a proxy or your company signs TLS with its own authority, point NODE_EXTRA_CA_CERTS at its PEM file.',
        ]);
        expect(lines(gateway.stderr)[0]).toBe(
          `✖ TLS error with the gateway at ${server.url}: its certificate is self-signed.`,
        );
        expect(trusted.code).toBe(1);
        expect(lines(trusted.stdout).at(-1)).toBe(
          '✖ no telephony hook named "Okta Telephony Gateway"',
        );
      } finally {
        await server.close();
      }
    },
  );
});
