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
  SINCH_SERVICE_PLAN_ID: 'plan0123456789abcdef',
  SINCH_API_TOKEN: 'sinch-api-token',
  SINCH_APPLICATION_KEY: '5c1d1a2b-0000-4000-8000-000000000001',
  SINCH_APPLICATION_SECRET: 'c2luY2gtYXBwbGljYXRpb24tc2VjcmV0',
  SINCH_CALLBACK_SECRET: 'sinch-callback-secret',
  INFOBIP_BASE_URL: 'https://xyz123.api.infobip.com',
  INFOBIP_API_KEY: 'infobip-api-key',
  INFOBIP_CALLBACK_TOKEN: 'infobip-callback-token-0123456789',
  ACME_API_KEY: 'acme-api-key',
  REDIS_URL: 'redis://redis:6379',
  ADMIN_TOKEN: 'admin-token-0123456789abcdef',
  PHONE_LAST4_KEY: 'phone-last4-key-0123456789abcdef0123',
  CONSOLE_CLIENT_ID: '0oa1console2client3id',
  CONSOLE_CLIENT_SECRET: 'console-client-secret-0123456789',
  CONSOLE_SESSION_SECRET: 'console-session-secret-0123456789abcdef',
};

describe('config/production.example.yaml', () => {
  it('should be a valid production configuration', () => {
    const { config, production } = loadConfig(ENV);

    expect(production).toBe(true);
    expect(Object.keys(config.providers)).toEqual([
      'twilio-main',
      'twilio-backup',
      'sinch-main',
      'infobip-main',
      'acme-sms',
      'sns-main',
      'aws-voice',
    ]);
    expect(config.protection.rateLimits.map((r) => r.key)).toEqual([
      'phone',
      'phone',
      'user',
      'user',
      'ip',
      'ip',
      'phone',
    ]);
    expect(config.protection.adaptive).toMatchObject({ enabled: true, mode: 'monitor' });
  });
});
