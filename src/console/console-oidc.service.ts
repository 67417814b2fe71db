import { Injectable } from '@nestjs/common';
import type * as Oidc from 'openid-client';
import { ConsoleOidcConfig } from './console.config';
import { ConsoleUser } from './console-session';

/** What the browser carries between the redirect to Okta and its return (in a signed cookie). */
export interface SignInTransaction {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  /** The console page to show after sign-in. */
  readonly returnTo: string;
}

/** Okta said who it is, but not a member of an allowed group. */
export class NotInAllowedGroup extends Error {
  constructor(readonly who: string) {
    super('not in an allowed group');
  }
}

/** Discovery and the token request wait this long at most. */
const OKTA_TIMEOUT_SECONDS = 10;
const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/;

/** openid-client, loaded on the first sign-in rather than at boot (~7 MB of RSS). */
let library: Promise<typeof Oidc> | undefined;
function openidClient(): Promise<typeof Oidc> {
  library ??= import('openid-client');
  return library;
}

/**
 * OpenID Connect authorization code flow with PKCE against the customer's Okta, through
 * `openid-client`: the authorization URL (state, nonce, S256 challenge) and the callback (code
 * exchanged, ID token checked: issuer, audience, signature, nonce), then the `groups` claim
 * against `console.oidc.allowedGroups`. The issuer's metadata is discovered on first use and kept.
 */
@Injectable()
export class ConsoleOidc {
  private configuration?: Promise<Oidc.Configuration>;

  constructor(private readonly config: ConsoleOidcConfig) {}

  /** Where to send the browser, and what to keep until it comes back. */
  async begin(returnTo: string): Promise<{ url: URL; transaction: SignInTransaction }> {
    const configuration = await this.discovered();
    const oidc = await openidClient();
    const transaction: SignInTransaction = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
      returnTo,
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUri,
      scope: this.config.scopes.join(' '),
      state: transaction.state,
      nonce: transaction.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(transaction.verifier),
      code_challenge_method: 'S256',
    });
    return { url, transaction };
  }

  /** The user Okta signed in; throws on any failed check, NotInAllowedGroup when not allowed. */
  async complete(query: string, transaction: SignInTransaction): Promise<ConsoleUser> {
    const configuration = await this.discovered();
    const oidc = await openidClient();
    const current = new URL(this.config.redirectUri);
    current.search = query;
    const tokens = await oidc.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: transaction.verifier,
      expectedState: transaction.state,
      expectedNonce: transaction.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('no ID token');
    const name = [claims.email, claims.preferred_username, claims.sub].find(
      (value): value is string => typeof value === 'string' && value !== '',
    )!;
    const groups = Array.isArray(claims.groups)
      ? claims.groups.filter((g) => typeof g === 'string')
      : [];
    const allowed = this.config.allowedGroups.filter((group) => groups.includes(group));
    if (allowed.length === 0) throw new NotInAllowedGroup(name);
    return { subject: claims.sub, name, groups: allowed };
  }

  private discovered(): Promise<Oidc.Configuration> {
    this.configuration ??= this.discover().catch((error: unknown) => {
      this.configuration = undefined; // tried again on the next sign-in
      throw error;
    });
    return this.configuration;
  }

  private async discover(): Promise<Oidc.Configuration> {
    const { issuer, clientId, clientSecret } = this.config;
    const oidc = await openidClient();
    // Plain http only for an issuer on this machine (tests, local runs); production refuses it.
    const execute = LOOPBACK.test(issuer) ? [oidc.allowInsecureRequests] : [];
    const configuration = await oidc.discovery(new URL(issuer), clientId, clientSecret, undefined, {
      execute,
      timeout: OKTA_TIMEOUT_SECONDS,
    });
    configuration.timeout = OKTA_TIMEOUT_SECONDS;
    return configuration;
  }
}
