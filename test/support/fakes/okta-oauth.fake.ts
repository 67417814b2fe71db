import {
  decodeJwt,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importJWK,
  JWK,
  jwtVerify,
} from 'jose';
import { randomBytes } from 'node:crypto';
import { FakeResponse } from '../fake-server';

/** A service app of the org: its public key (private_key_jwt) and the Okta API scopes granted to it. */
export interface ServiceApp {
  readonly clientId: string;
  readonly publicJwk: JWK;
  readonly granted: readonly string[];
}

/**
 * The org authorization server's token endpoint for service apps (`POST /oauth2/v1/token`,
 * client credentials with a private_key_jwt client assertion): checks the form, the assertion's
 * signature against the app's key, `iss` = `sub` = client id, `aud` = this endpoint, and that
 * every scope asked for is granted; issues an access token with those scopes.
 */
export class FakeOktaTokens {
  readonly apps = new Map<string, ServiceApp>();
  /** Access token → its scopes. */
  readonly tokens = new Map<string, readonly string[]>();

  constructor(private readonly tokenUrl: () => string) {}

  /** A service app with a new RSA key pair, granted `granted`; its private key as PKCS#8 PEM. */
  async createApp(
    granted: readonly string[],
  ): Promise<{ clientId: string; privateKeyPem: string }> {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const clientId = `0oa${randomBytes(12).toString('hex').slice(0, 17)}`;
    const publicJwk = { ...(await exportJWK(publicKey)), alg: 'RS256' };
    this.apps.set(clientId, { clientId, publicJwk, granted });
    return { clientId, privateKeyPem: await exportPKCS8(privateKey) };
  }

  async issue(form: URLSearchParams): Promise<FakeResponse> {
    if (form.get('grant_type') !== 'client_credentials')
      return oauthError(400, 'unsupported_grant_type', 'grant_type must be client_credentials');
    if (
      form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
    ) {
      return oauthError(401, 'invalid_client', 'client_assertion_type must be jwt-bearer');
    }
    const assertion = form.get('client_assertion') ?? '';
    const app = this.appOf(assertion);
    if (!app || !(await this.verified(assertion, app))) {
      return oauthError(401, 'invalid_client', 'The client_assertion is invalid.');
    }
    const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
    if (scopes.length === 0 || scopes.some((s) => !app.granted.includes(s))) {
      return oauthError(
        400,
        'invalid_scope',
        'One or more scopes are not configured for the authorization server resource.',
      );
    }
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, scopes);
    return {
      status: 200,
      body: {
        token_type: 'Bearer',
        expires_in: 3600,
        access_token: token,
        scope: scopes.join(' '),
      },
    };
  }

  private appOf(assertion: string): ServiceApp | undefined {
    try {
      const iss = decodeJwt(assertion).iss;
      return iss ? this.apps.get(iss) : undefined;
    } catch {
      return undefined;
    }
  }

  private async verified(assertion: string, app: ServiceApp): Promise<boolean> {
    try {
      const key = await importJWK(app.publicJwk, app.publicJwk.alg ?? 'RS256');
      const { payload } = await jwtVerify(assertion, key, {
        issuer: app.clientId,
        subject: app.clientId,
        audience: this.tokenUrl(),
        requiredClaims: ['exp', 'iat'],
      });
      return payload.iss === app.clientId;
    } catch {
      return false;
    }
  }
}

function oauthError(status: number, error: string, description: string): FakeResponse {
  return { status, body: { error, error_description: description } };
}
