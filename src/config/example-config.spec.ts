import { resolve } from 'node:path';
import { loadConfig } from './config.loader';

/** Every variable the example reads, with values that pass the production rules. */
const ENV = {
  NODE_ENV: 'production',
  CONFIG_FILE: resolve(__dirname, '../../config/production.example.yaml'),
  HOOK_SECRET: 'hook-secret-0123456789abcdef',
  EVENT_HOOK_SECRET: 'event-secret-0123456789abcdef',
  TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
  TWILIO_AUTH_TOKEN: 'twilio-auth-token',
  TWILIO_BACKUP_ACCOUNT_SID: 'ACfedcba9876543210fedcba9876543210',
  TWILIO_BACKUP_AUTH_TOKEN: 'twilio-backup-token',
  REDIS_URL: 'redis://redis:6379',
  ADMIN_TOKEN: 'admin-token-0123456789abcdef',
};

describe('config/production.example.yaml', () => {
  it('should be a valid production configuration', () => {
    const { config, production } = loadConfig(ENV);

    expect(production).toBe(true);
    expect(Object.keys(config.providers)).toEqual([
      'twilio-main',
      'twilio-backup',
      'sns-main',
      'aws-voice',
    ]);
  });
});
