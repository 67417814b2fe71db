import { applyDecorators } from '@nestjs/common';
import { IsOptional, IsString, IsUrl, registerDecorator, ValidateIf } from 'class-validator';
import { readFileSync } from 'node:fs';

/** `""` and `none` switch a proxy off: what `${HTTPS_PROXY:-}` and an explicit opt-out give. */
export const NO_PROXY_VALUES: readonly string[] = ['', 'none'];

/** An `http://` or `https://` proxy URL (credentials allowed), or `""`/`none` for no proxy. */
export const ProxyUrl = (): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    ValidateIf((_object, value) => !NO_PROXY_VALUES.includes(value as string)),
    IsUrl(
      { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
      { message: '$property must be an http:// or https:// proxy URL, or none' },
    ),
  );

/** A file that can be read and holds at least one PEM certificate (checked at boot). */
export const PemCertificatesFile = (): PropertyDecorator => (target, propertyName) =>
  registerDecorator({
    name: 'pemCertificatesFile',
    target: target.constructor,
    propertyName: propertyName as string,
    options: { message: '$property must be a readable file of PEM certificates' },
    validator: { validate: (value: unknown) => typeof value === 'string' && holdsPem(value) },
  });

function holdsPem(file: string): boolean {
  try {
    return readFileSync(file, 'utf8').includes('-----BEGIN CERTIFICATE-----');
  } catch {
    return false;
  }
}

/**
 * Egress proxies for vendor calls. The loader fills each key the file leaves out from the
 * environment (`https_proxy`/`HTTPS_PROXY`, `http_proxy`/`HTTP_PROXY`, `no_proxy`/`NO_PROXY`,
 * lower case first); a provider's own `proxyUrl` wins over all three.
 */
export class OutboundConfig {
  /** Proxy for `https://` vendors: an HTTP CONNECT tunnel per vendor origin. */
  @ProxyUrl() httpsProxy?: string;
  /** Proxy for `http://` vendors: absolute-form requests to the proxy. */
  @ProxyUrl() httpProxy?: string;
  /** Hosts reached directly: comma-separated names, `.suffix` domains, IPs, `host:port`, or `*`. */
  @IsOptional() @IsString() noProxy?: string;
}
