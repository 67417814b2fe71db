/**
 * The configuration reference, generated from the config classes' validation metadata, so
 * docs/configuration.md cannot drift from what the service accepts. The meaning of each key lives in
 * docs/configuration.keys.yaml; `npm run docs:config` rewrites the reference, and
 * test/config-reference.e2e-spec.ts fails when a key has no meaning, a meaning has no key, or the
 * reference is stale.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage } from 'class-validator';
import { parse } from 'yaml';
import { AppConfig } from '../src/config/app.config';
import { VENDORS } from '../src/providers/vendors';

type ConfigClass = new () => object;

// class-transformer keeps its @Type metadata in a module its package exports no types for.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: MetadataStorage;
};

/** One key of the file: its path, its default as YAML shows it, and the vendor type it belongs to. */
export interface ConfigKey {
  readonly path: string;
  readonly defaultValue: string;
  readonly vendor?: string;
}

export const KEYS_FILE = resolve(__dirname, '../docs/configuration.keys.yaml');
export const REFERENCE_FILE = resolve(__dirname, '../docs/configuration.md');

function validatedProperties(cls: ConfigClass): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

function nestedClass(cls: ConfigClass, property: string): ConfigClass | undefined {
  const type = defaultMetadataStorage.findTypeMetadata(cls, property);
  const target = type?.typeFunction() as ConfigClass | undefined;
  return target && target !== Number && target !== String && target !== Boolean
    ? target
    : undefined;
}

function shown(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return `[${value.map((v) => String(v)).join(', ')}]`;
  if (typeof value === 'object' && value !== null) return '';
  return JSON.stringify(value);
}

function walk(cls: ConfigClass, prefix: string, vendor?: string): ConfigKey[] {
  const instance = new cls() as Record<string, unknown>;
  return validatedProperties(cls).flatMap((property) => {
    const path = `${prefix}${property}`;
    const nested = nestedClass(cls, property);
    if (!nested) return [{ path, defaultValue: shown(instance[property]), vendor }];
    const isList = Array.isArray(instance[property]);
    const inner = walk(nested, isList ? `${path}[].` : `${path}.`, vendor);
    return isList ? [{ path: `${path}[]`, defaultValue: '[]', vendor }, ...inner] : inner;
  });
}

/** Every key the service accepts, the providers' per vendor type. */
export function configKeys(): ConfigKey[] {
  const common = walk(AppConfig, '').filter((k) => k.path !== 'providers');
  const base = new Set<string>();
  const vendors = Object.entries(VENDORS).flatMap(([type, vendor]) =>
    walk(vendor.configClass, 'providers.<id>.', type),
  );
  const shared = vendors.filter((k) => {
    const everywhere = Object.keys(VENDORS).every((t) =>
      vendors.some((v) => v.vendor === t && v.path === k.path),
    );
    if (!everywhere || base.has(k.path)) return false;
    base.add(k.path);
    return true;
  });
  const own = vendors.filter((k) => !base.has(k.path));
  return [...common, ...shared.map((k) => ({ ...k, vendor: undefined })), ...own];
}

/** The key a meaning is written under: `providers.<id>.from (twilio)` for a vendor's own key. */
export function keyName(key: ConfigKey): string {
  return key.vendor ? `${key.path} (${key.vendor})` : key.path;
}

export function readMeanings(): Record<string, string> {
  return parse(readFileSync(KEYS_FILE, 'utf8')) as Record<string, string>;
}

/** Keys without a meaning, and meanings without a key. */
export function drift(keys: ConfigKey[], meanings: Record<string, string>): string[] {
  const names = new Set(keys.map(keyName));
  return [
    ...[...names]
      .filter((n) => !meanings[n])
      .map((n) => `${n}: no meaning in configuration.keys.yaml`),
    ...Object.keys(meanings)
      .filter((n) => !names.has(n))
      .map((n) => `${n}: no such key`),
  ];
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ').trim();

export function renderReference(keys: ConfigKey[], meanings: Record<string, string>): string {
  const row = (k: ConfigKey) =>
    `| \`${k.path}\` | ${k.defaultValue ? `\`${cell(k.defaultValue)}\`` : ''} | ${cell(meanings[keyName(k)] ?? '')} |`;
  const table = (rows: ConfigKey[]) => [
    '| Key | Default | Meaning |',
    '|---|---|---|',
    ...rows.map(row),
  ];
  const byVendor = Object.keys(VENDORS).flatMap((type) => {
    const rows = keys.filter((k) => k.vendor === type);
    return rows.length ? ['', `### \`type: ${type}\``, '', ...table(rows)] : [];
  });
  return [
    '# Configuration reference',
    '',
    '<!-- Generated by `npm run docs:config` from the config classes and docs/configuration.keys.yaml. Do not edit. -->',
    '',
    readFileSync(resolve(__dirname, '../docs/configuration.intro.md'), 'utf8').trim(),
    '',
    '## Every key',
    '',
    ...table(keys.filter((k) => !k.vendor)),
    '',
    '## Vendor keys',
    '',
    'Beside the `providers.<id>.*` keys above, each vendor type takes its own (details in',
    '[providers/](providers/)).',
    ...byVendor,
    '',
  ].join('\n');
}
