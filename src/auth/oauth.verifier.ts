import { Logger } from '@nestjs/common';
import { createRemoteJWKSet, errors, JWTPayload, jwtVerify } from 'jose';
import { OAuthConfig } from './auth.config';
import { AuthRefusalReason } from './auth-refusal';

type KeySet = ReturnType<typeof createRemoteJWKSet>;

/** Asymmetric algorithms only: `none` and shared-secret HMAC tokens are never accepted. */
const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];
const FETCH_TIMEOUT_MS = 2000;
/** At most one key-set refresh for an unknown `kid` per this period, so a flood cannot hammer the issuer. */
const REFRESH_COOLDOWN_MS = 30_000;

/**
 * Verifies Okta's OAuth 2.0 inline-hook access tokens with `jose`: signature against the
 * issuer's JWKS (discovered from its metadata unless `jwksUri` is set, cached, refreshed on an
 * unknown `kid` at most every 30 s), `iss`, `aud`, `exp`/`nbf` with a small tolerance, and the
 * required scopes in `scp`.
 */
export class OAuthVerifier {
  private readonly logger = new Logger(OAuthVerifier.name);
  private keys?: Promise<KeySet>;

  constructor(private readonly config: OAuthConfig) {}

  /** Undefined when the token is valid for this hook, else why not; never throws. */
  async check(token: string): Promise<AuthRefusalReason | undefined> {
    try {
      const { payload } = await jwtVerify(token, await this.keySet(), {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: ALGORITHMS,
        clockTolerance: this.config.clockToleranceSeconds,
        requiredClaims: ['exp'],
      });
      return this.hasScopes(payload) ? undefined : 'missing scope';
    } catch (error) {
      this.logger.debug({ reason: reason(error) }, 'bearer token refused');
      return refusalOf(error);
    }
  }

  private hasScopes(payload: JWTPayload): boolean {
    const scp = payload.scp ?? payload.scope;
    const granted = new Set(
      Array.isArray(scp) ? scp.map(String) : typeof scp === 'string' ? scp.split(' ') : [],
    );
    return this.config.scopes.every((s) => granted.has(s));
  }

  /** The key set, built once; a failed discovery is retried on the next request. */
  private keySet(): Promise<KeySet> {
    if (!this.keys) {
      this.keys = this.jwksUrl().then((url) =>
        createRemoteJWKSet(url, {
          timeoutDuration: FETCH_TIMEOUT_MS,
          cooldownDuration: REFRESH_COOLDOWN_MS,
        }),
      );
      this.keys.catch(() => (this.keys = undefined));
    }
    return this.keys;
  }

  private async jwksUrl(): Promise<URL> {
    if (this.config.jwksUri) return new URL(this.config.jwksUri);
    const base = this.config.issuer.replace(/\/+$/, '');
    for (const path of [
      '/.well-known/openid-configuration',
      '/.well-known/oauth-authorization-server',
    ]) {
      const response = await fetch(base + path, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!response.ok) continue;
      const metadata = (await response.json()) as { jwks_uri?: unknown };
      if (typeof metadata.jwks_uri === 'string') return new URL(metadata.jwks_uri);
    }
    throw new Error('the issuer publishes no jwks_uri');
  }
}

function reason(error: unknown): string {
  if (error instanceof errors.JOSEError) return error.code;
  return error instanceof Error ? error.name : 'unknown';
}

function refusalOf(error: unknown): AuthRefusalReason {
  if (error instanceof errors.JWTExpired) return 'token expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return 'wrong audience';
    if (error.claim === 'iss') return 'wrong issuer';
    return 'invalid token';
  }
  if (error instanceof errors.JWKSNoMatchingKey) return 'unknown kid';
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWSInvalid ||
    error instanceof errors.JWTInvalid ||
    error instanceof errors.JOSEAlgNotAllowed ||
    error instanceof errors.JOSENotSupported
  ) {
    return 'invalid token';
  }
  return 'JWKS unreachable';
}
