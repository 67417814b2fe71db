import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** config/production.example.yaml, and its text. */
export const EXAMPLE_FILE = resolve(__dirname, '../../config/production.example.yaml');
export const EXAMPLE_TEXT = readFileSync(EXAMPLE_FILE, 'utf8');

/** The variables the example says at its top that it needs (the lines before "Optional:"). */
export function statedVariables(text: string = EXAMPLE_TEXT): string[] {
  const header = text.slice(text.indexOf('needs these variables:'), text.indexOf('# Optional:'));
  return Array.from(header.matchAll(/^#\s+([A-Z][A-Z0-9_]+)\s/gm), (m) => m[1]);
}

/** Values that pass the production rules, for each variable the example needs. */
export const EXAMPLE_ENV: Readonly<Record<string, string>> = {
  HOOK_SECRET: 'hook-secret-0123456789abcdef',
  EVENT_HOOK_SECRET: 'event-secret-0123456789abcdef',
  TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
  TWILIO_AUTH_TOKEN: '0123456789abcdef0123456789abcdef',
  TWILIO_BACKUP_ACCOUNT_SID: 'ACfedcba9876543210fedcba9876543210',
  TWILIO_BACKUP_AUTH_TOKEN: 'fedcba9876543210fedcba9876543210',
  REDIS_URL: 'redis://redis:6379',
  ADMIN_TOKEN: 'admin-token-0123456789abcdef',
  PHONE_LAST4_KEY: 'phone-last4-key-0123456789abcdef0123',
  CONSOLE_CLIENT_ID: '0oa1console2client3id',
  CONSOLE_CLIENT_SECRET: 'console-client-secret-0123456789',
  CONSOLE_SESSION_SECRET: 'console-session-secret-0123456789abcdef',
};
