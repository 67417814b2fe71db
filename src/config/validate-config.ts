import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { flattenValidationErrors } from '../common/validation-problems';
import { ProviderConfig } from '../providers/provider.config';
import { VENDORS } from '../providers/vendors';
import { AppConfig } from './app.config';
import { ServerConfig } from '../common/server.config';

const TRANSFORM = { exposeDefaultValues: true } as const;
const VALIDATE = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  stopAtFirstError: true,
} as const;
const PROVIDER_ID = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/**
 * Turns the interpolated YAML tree into a typed AppConfig. Problems are `path: what is wrong`
 * lines that never quote a value, so no secret can leak into the boot error.
 */
export function validateConfig(plain: unknown): { config: AppConfig; problems: string[] } {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    return { config: new AppConfig(), problems: ['(root): must be a mapping of keys'] };
  }
  const { providers, ...rest } = plain as Record<string, unknown>;
  const config = plainToInstance(AppConfig, rest, TRANSFORM);
  const problems = toProblems(validateSync(config, VALIDATE), '');
  config.providers = validateProviders(providers, config.server, problems);
  return { config, problems };
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
    problems.push(`${path}.type: must be one of ${Object.keys(VENDORS).join(', ')}`);
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

function toProblems(errors: ValidationError[], parent: string): string[] {
  return flattenValidationErrors(errors, joinPath, parent).map(
    (p) => `${p.path}: ${explain(p.message, p.property)}`,
  );
}

function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/** class-validator messages start with the property name; the path already says it. */
function explain(message: string, property: string): string {
  if (message === `property ${property} should not exist`) return 'unknown key';
  if (message.startsWith(`${property} `)) return message.slice(property.length + 1);
  if (message.startsWith(`each value in ${property} `)) {
    return `each value ${message.slice(`each value in ${property} `.length)}`;
  }
  return message;
}
