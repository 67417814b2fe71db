import { CallbackRequest } from '../provider-callbacks';
import {
  applicationAuthorization,
  hasValidWebhookSignature,
  webhookSignature,
} from './sinch.signature';

const RAW = Buffer.from('{"type":"recipient_delivery_report_sms","batch_id":"01HF"}');
const SIGNATURE = 'DVUSibNraakrVQ2dR9CJutXmNep/XElmOoKV0bVPct8=';

const callback = (headers: Record<string, string | string[]>): CallbackRequest => ({
  method: 'POST',
  url: 'https://otp.example.com/callbacks/sinch/status',
  headers,
  rawBody: RAW,
  params: {},
});

describe(applicationAuthorization.name, () => {
  it('should sign method, body MD5, content type, timestamp and path with the decoded secret', () => {
    const header = applicationAuthorization('app-key', 'c2VjcmV0LXNlY3JldA==', {
      method: 'post',
      path: '/calling/v1/callouts',
      contentType: 'application/json',
      timestamp: '2026-11-22T02:54:59.000Z',
      body: '{"method":"ttsCallout"}',
    });

    expect(header).toBe('Application app-key:MiZ5q6gdSzVRy9tPzOGGSjfNoOgm/szfUWG3kogT6CM=');
  });
});

describe(webhookSignature.name, () => {
  it('should be the base64 HMAC-SHA256 of body, nonce and timestamp joined by dots', () => {
    expect(webhookSignature('sinch-callback-secret', RAW, 'nonce-1', '1700000000')).toBe(SIGNATURE);
  });
});

describe(hasValidWebhookSignature.name, () => {
  const headers = {
    'x-sinch-webhook-signature': SIGNATURE,
    'x-sinch-webhook-signature-nonce': 'nonce-1',
    'x-sinch-webhook-signature-timestamp': '1700000000',
  };

  it('should accept the signature Sinch computes with the configured secret', () => {
    expect(hasValidWebhookSignature('sinch-callback-secret', callback(headers))).toBe(true);
  });

  it.each([
    ['another secret', 'other-secret', headers],
    ['no signature', 'sinch-callback-secret', { ...headers, 'x-sinch-webhook-signature': '' }],
    [
      'another nonce',
      'sinch-callback-secret',
      { ...headers, 'x-sinch-webhook-signature-nonce': 'nonce-2' },
    ],
    [
      'a repeated signature header',
      'sinch-callback-secret',
      { ...headers, 'x-sinch-webhook-signature': [SIGNATURE, SIGNATURE] },
    ],
  ])('should refuse %s', (_name, secret, given) => {
    expect(hasValidWebhookSignature(secret, callback(given))).toBe(false);
  });

  it('should refuse a body changed after signing', () => {
    const forged = { ...callback(headers), rawBody: Buffer.from('{"batch_id":"other"}') };

    expect(hasValidWebhookSignature('sinch-callback-secret', forged)).toBe(false);
  });
});
