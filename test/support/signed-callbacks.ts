import { randomUUID } from 'node:crypto';
import { INFOBIP_API_KEY, INFOBIP_CALLBACK_TOKEN } from './fakes/infobip.fake';
import { PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN, plivoSignature } from './fakes/plivo.fake';
import { SINCH_CALLBACK_SECRET, sinchSignedHeaders } from './fakes/sinch.fake';
import { signedHeaders, TELNYX_PUBLIC_KEY } from './fakes/telnyx.signing';
import { TWILIO_SID, TWILIO_TOKEN, twilioStatusCallback } from './fakes/twilio.fake';
import { VONAGE_API_KEY, VONAGE_API_SECRET, VONAGE_SIGNATURE_SECRET } from './fakes/vonage.fake';
import { signVonageReceipt, vonageWebhookAuthorization } from './fakes/vonage.signing';

/** The public URL the vendors call back, as the gateway under test is configured. */
export const CALLBACK_PUBLIC_URL = 'https://otp.example.com';

/** What a vendor signs: form parameters, or a JSON text. */
export interface CallbackContent {
  readonly params: Record<string, string>;
  readonly json: string;
  /** How the request spells its content type (`Application/JSON; charset=utf-8`...). */
  readonly jsonType: string;
  readonly formType: string;
}

export interface SignedRequest {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly payload: string;
}

/** One vendor that calls back: its provider block, and how it signs a callback. */
export interface CallbackVendor {
  readonly id: string;
  readonly provider: Record<string, unknown>;
  sign(content: CallbackContent): Promise<SignedRequest>;
}

/** The secrets the vendors below sign with, which no answer or log line may show. */
export const CALLBACK_SECRETS = [
  TWILIO_TOKEN,
  VONAGE_API_SECRET,
  VONAGE_SIGNATURE_SECRET,
  PLIVO_AUTH_TOKEN,
  SINCH_CALLBACK_SECRET,
  INFOBIP_CALLBACK_TOKEN,
  INFOBIP_API_KEY,
];

const path = (id: string) => `/callbacks/${id}/status`;
const form = (params: Record<string, string>) => new URLSearchParams(params).toString();

/**
 * Every vendor whose callbacks the gateway verifies, each signing the way vendors.md says (the
 * fakes' signers, written independently of the gateway's checks). `baseUrl` is where the
 * provider would send: a server that records any call, which none of these tests may cause.
 */
export function callbackVendors(baseUrl: string): CallbackVendor[] {
  return [
    {
      id: 'tw',
      provider: {
        type: 'twilio',
        accountSid: TWILIO_SID,
        authToken: TWILIO_TOKEN,
        from: '+15005550006',
        baseUrl,
      },
      sign: ({ params, formType }) => {
        const signed = twilioStatusCallback(CALLBACK_PUBLIC_URL + path('tw'), params);
        return Promise.resolve({
          url: path('tw'),
          headers: { ...signed.headers, 'content-type': formType },
          payload: signed.body,
        });
      },
    },
    {
      id: 'vonage',
      provider: {
        type: 'vonage',
        apiKey: VONAGE_API_KEY,
        apiSecret: VONAGE_API_SECRET,
        from: '+14155550199',
        signatureSecret: VONAGE_SIGNATURE_SECRET,
        signatureMethod: 'sha256hmac',
        baseUrl,
        apiBaseUrl: baseUrl,
        channels: ['sms'],
      },
      sign: async ({ params, json, jsonType, formType }): Promise<SignedRequest> =>
        Object.keys(params).length % 2 === 0
          ? {
              url: path('vonage'),
              headers: { 'content-type': formType },
              payload: form(signVonageReceipt(params, VONAGE_SIGNATURE_SECRET)),
            }
          : {
              url: path('vonage'),
              headers: {
                'content-type': jsonType,
                authorization: await vonageWebhookAuthorization(json, VONAGE_SIGNATURE_SECRET),
              },
              payload: json,
            },
    },
    {
      id: 'telnyx',
      provider: {
        type: 'telnyx',
        apiKey: 'KEY0123456789ABCDEF_telnyx',
        from: '+18445550001',
        publicKey: TELNYX_PUBLIC_KEY,
        voiceMode: 'call-control',
        connectionId: 'call-control-app-1',
        baseUrl,
      },
      sign: ({ json, jsonType }) =>
        Promise.resolve({
          url: path('telnyx'),
          headers: { ...signedHeaders(json), 'content-type': jsonType },
          payload: json,
        }),
    },
    {
      id: 'plivo',
      provider: {
        type: 'plivo',
        authId: PLIVO_AUTH_ID,
        authToken: PLIVO_AUTH_TOKEN,
        src: '+14155550000',
        baseUrl,
      },
      sign: ({ params, formType }) => {
        const nonce = randomUUID();
        return Promise.resolve({
          url: path('plivo'),
          headers: {
            'content-type': formType,
            'x-plivo-signature-v3': plivoSignature(
              CALLBACK_PUBLIC_URL + path('plivo'),
              params,
              nonce,
            ),
            'x-plivo-signature-v3-nonce': nonce,
          },
          payload: form(params),
        });
      },
    },
    {
      id: 'sinch',
      provider: {
        type: 'sinch',
        servicePlanId: 'plan0123456789',
        apiToken: 'sinch-api-token-0123456789',
        from: '+12025550100',
        callbackSecret: SINCH_CALLBACK_SECRET,
        baseUrl,
        channels: ['sms'],
      },
      sign: ({ json, jsonType }) =>
        Promise.resolve({
          url: path('sinch'),
          headers: { ...sinchSignedHeaders(json), 'content-type': jsonType },
          payload: json,
        }),
    },
    {
      id: 'infobip',
      provider: {
        type: 'infobip',
        apiKey: INFOBIP_API_KEY,
        from: 'Acme',
        callbackToken: INFOBIP_CALLBACK_TOKEN,
        baseUrl,
        channels: ['sms'],
      },
      sign: ({ json, jsonType }) =>
        Promise.resolve({
          url: `${path('infobip')}?token=${INFOBIP_CALLBACK_TOKEN}`,
          headers: { 'content-type': jsonType },
          payload: json,
        }),
    },
  ];
}
