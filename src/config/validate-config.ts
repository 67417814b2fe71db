import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ServerConfig } from '../common/server.config';
import { ProviderConfig } from '../providers/provider.config';
import { VENDORS } from '../providers/vendors';
import { AppConfig } from './app.config';
import { closest, hint, knownKeys } from './did-you-mean';
import { toProblems } from './validation-lines';

const TRANSFORM = { exposeDefaultValues: true } as const;
const VALIDATE = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  stopAtFirstError: true,
} as const;
const PROVIDER_ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/** The typed configuration, its problems, and every provider id the file declares. */
export interface ValidatedConfig {
  /** Providers whose block has a problem are left out of `config.providers`. */
  readonly config: AppConfig;
  readonly problems: string[];
  /** Provider ids declared in the file, valid or not: what routes may name. */
  readonly declaredProviders: ReadonlySet<string>;
}

/**
 * Turns the interpolated YAML tree into a typed AppConfig. Problems are `path: what is wrong`
 * lines that never quote a value, so no secret can leak into the boot error.
 */
export function validateConfig(plain: unknown): ValidatedConfig {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    return {
      config: new AppConfig(),
      problems: ['(root): must be a mapping of keys'],
      declaredProviders: new Set(),
    };
  }
  const { providers, ...rest } = plain as Record<string, unknown>;
  const config = plainToInstance(AppConfig, rest, TRANSFORM);
  const problems = toProblems(validateSync(config, VALIDATE), '');
  config.providers = validateProviders(providers, config.server, problems);
  const declared = providers && typeof providers === 'object' ? Object.keys(providers) : [];
  return { config, problems, declaredProviders: new Set(declared) };
}

function validateProviders(
  raw: unknown,
  server: ServerConfig,
  problems: string[],
): Record<string, ProviderConfig> {
  const providers: Record<string, ProviderConfig> = {};
  if (raw === undefined) return providers;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('providers: must be a mapping of provider id to settings');
    return providers;
  }
  for (const [id, block] of Object.entries(raw as Record<string, unknown>)) {
    const path = `providers.${id}`;
    if (!PROVIDER_ID.test(id)) {
      problems.push(`${path}: id must be lowercase letters, digits, - or _`);
      continue;
    }
    const provider = validateProvider(block, path, server, problems);
    if (provider) providers[id] = provider;
  }
  return providers;
}

function validateProvider(
  block: unknown,
  path: string,
  server: ServerConfig,
  problems: string[],
): ProviderConfig | undefined {
  if (block === null || typeof block !== 'object' || Array.isArray(block)) {
    problems.push(`${path}: must be a mapping of settings`);
    return undefined;
  }
  const type = (block as { type?: unknown }).type;
  const vendor = typeof type === 'string' ? VENDORS[type] : undefined;
  if (!vendor) {
    problems.push(...unknownVendor(block as Record<string, unknown>, path));
    return undefined;
  }
  const config = plainToInstance(
    vendor.configClass as ClassConstructor<ProviderConfig>,
    block,
    TRANSFORM,
  );
  const found = toProblems(validateSync(config, VALIDATE), path);
  const channels = config.channels ?? vendor.channels;
  const unsupported = channels.filter((c) => !vendor.channels.includes(c));
  if (unsupported.length > 0) {
    found.push(`${path}.channels: ${String(type)} cannot deliver ${unsupported.join(', ')}`);
  }
  if (found.length === 0 && vendor.check) {
    found.push(...vendor.check(config, channels, server).map((p) => `${path}.${p}`));
  }
  problems.push(...found);
  return found.length === 0 ? config : undefined;
}

/**
 * A block whose `type` names no vendor: that, and the keys no vendor has. A missing `type`
 * beside a key that is its misspelling (`tpye`) is one mistake, told once.
 */
function unknownVendor(block: Record<string, unknown>, path: string): string[] {
  const anyKey = providerKeys();
  const unknown = Object.keys(block).filter((key) => !anyKey.includes(key));
  const lines = unknown.map((key) => `${path}.${key}: unknown key${hint(key, anyKey)}`);
  if (block.type === undefined && unknown.some((key) => closest(key, anyKey) === 'type')) {
    return lines;
  }
  const types = Object.keys(VENDORS);
  return [`${path}.type: must be one of ${types.join(', ')}${hint(block.type, types)}`, ...lines];
}

let anyProviderKey: string[] | undefined;

/** Every key some vendor's provider block accepts. */
function providerKeys(): string[] {
  anyProviderKey ??= [
    ...new Set(Object.values(VENDORS).flatMap((vendor) => knownKeys(vendor.configClass))),
  ];
  return anyProviderKey;
}
