import { Channel } from '../channel';
import { acceptedWith } from '../kit/http/accepted';
import { parseJson } from '../kit/http/classify-status';
import { VendorHttpClient, VendorResponse } from '../kit/http/vendor-http.client';
import { CallbackAnswer, CallbackHandler, CallbackRequest } from '../provider-callbacks';
import { OtpMessage, SendResult, TelephonyProvider } from '../telephony-provider';
import { requireKeys, requirePublicUrl } from '../kit/vendor-checks';
import { VendorDefinition } from '../vendor-definition';
import { speakableLanguages, spokenText, vendorVoiceScript } from '../kit/voice/vendor-voice';
import { SinchConfig } from './sinch.config';
import { sinchSmsError, sinchVoiceError } from './sinch.errors';
import { sinchReceipts } from './sinch.receipts';
import { applicationAuthorization, hasValidWebhookSignature } from './sinch.signature';
import {
  SINCH_TTS_LOCALES,
  SinchBatch,
  SinchBatchRequest,
  SinchCallout,
  SinchCalloutRequest,
} from './sinch.types';

const JSON_TYPE = 'application/json';
const CALLOUTS_PATH = '/calling/v1/callouts';
const LOCALES = speakableLanguages(SINCH_TTS_LOCALES);

export interface SinchClients {
  readonly sms: VendorHttpClient;
  readonly voice: VendorHttpClient;
  /** Path prefix of the voice base URL, which the request signature covers. */
  readonly voicePathPrefix: string;
}

/**
 * Sinch SMS REST (batches, Bearer API token) and Voice (`ttsCallout`, signed with the
 * application secret). SMS delivery reports are requested when the service has a public URL and
 * a `callbackSecret`; they are accepted only with a valid `x-sinch-webhook-signature`.
 */
export class SinchProvider implements TelephonyProvider, CallbackHandler {
  readonly type = 'sinch';

  constructor(
    readonly id: string,
    readonly channels: readonly Channel[],
    private readonly config: SinchConfig,
    private readonly clients: SinchClients,
    private readonly statusCallbackUrl?: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get timeoutMs(): number {
    return this.config.timeoutMs;
  }

  async send(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    return message.channel === 'sms' ? this.sendSms(message, signal) : this.call(message, signal);
  }

  /** Batch body: one recipient, our delivery id as client reference (vendors.md §5.1). */
  batchBody(message: OtpMessage): SinchBatchRequest {
    const body: SinchBatchRequest = {
      from: this.config.from ?? '',
      to: [message.to],
      body: message.text,
      client_reference: message.deliveryId,
    };
    if (this.statusCallbackUrl) {
      body.delivery_report = 'per_recipient';
      body.callback_url = this.statusCallbackUrl;
    }
    return body;
  }

  /** A text-to-speech callout that reads the code twice in the locale's language (§5.2). */
  calloutBody(message: OtpMessage): SinchCalloutRequest {
    const script = vendorVoiceScript(
      message.code,
      message.locale,
      LOCALES,
      'en-US',
      message.speech,
    );
    return {
      method: 'ttsCallout',
      ttsCallout: {
        cli: this.config.cli ?? this.config.from ?? '',
        destination: { type: 'number', endpoint: message.to },
        domain: 'pstn',
        locale: script.language,
        text: spokenText(script),
      },
    };
  }

  /** Headers of a signed Voice API request carrying `body`. */
  signedHeaders(body: string): Record<string, string> {
    const timestamp = this.now().toISOString();
    const authorization = applicationAuthorization(
      this.config.applicationKey ?? '',
      this.config.applicationSecret ?? '',
      {
        method: 'POST',
        path: `${this.clients.voicePathPrefix}${CALLOUTS_PATH}`,
        contentType: JSON_TYPE,
        timestamp,
        body,
      },
    );
    return { authorization, 'x-timestamp': timestamp, 'content-type': JSON_TYPE };
  }

  handleCallback(kind: string, request: CallbackRequest): Promise<CallbackAnswer | undefined> {
    if (kind !== 'status') return Promise.resolve(undefined);
    const secret = this.config.callbackSecret;
    if (!secret || !hasValidWebhookSignature(secret, request)) {
      return Promise.resolve({ kind: 'rejected' });
    }
    return Promise.resolve({ kind: 'receipts', receipts: sinchReceipts(request.json) });
  }

  async close(): Promise<void> {
    await Promise.all([this.clients.sms.close(), this.clients.voice.close()]);
  }

  private async sendSms(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    const response = await this.clients.sms.request({
      method: 'POST',
      path: `/xms/v1/${this.config.servicePlanId ?? ''}/batches`,
      headers: {
        authorization: `Bearer ${this.config.apiToken ?? ''}`,
        'content-type': JSON_TYPE,
        accept: JSON_TYPE,
      },
      body: JSON.stringify(this.batchBody(message)),
      signal,
    });
    if (!isSuccess(response)) throw sinchSmsError(response);
    const id = (parseJson(response.body) as SinchBatch | undefined)?.id;
    return acceptedId(id, 'batch id', message);
  }

  private async call(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    const body = JSON.stringify(this.calloutBody(message));
    const response = await this.clients.voice.request({
      method: 'POST',
      path: CALLOUTS_PATH,
      headers: { ...this.signedHeaders(body), accept: JSON_TYPE },
      body,
      signal,
    });
    if (!isSuccess(response)) throw sinchVoiceError(response);
    const callId = (parseJson(response.body) as SinchCallout | undefined)?.callId;
    return acceptedId(callId, 'callId', message);
  }
}

function isSuccess(response: VendorResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

function acceptedId(id: unknown, what: string, message: OtpMessage): SendResult {
  return acceptedWith('Sinch', what, typeof id === 'string' ? id : undefined, message);
}

export const sinchVendor: VendorDefinition<SinchConfig> = {
  configClass: SinchConfig,
  channels: ['sms', 'voice'],
  check(config, channels, server) {
    const problems: string[] = [];
    if (channels.includes('sms')) {
      problems.push(...requireKeys(config, ['servicePlanId', 'apiToken', 'from'], 'SMS'));
    }
    if (channels.includes('voice')) {
      problems.push(...requireKeys(config, ['applicationKey', 'applicationSecret'], 'voice'));
      if (!config.cli && !config.from) problems.push('cli: voice needs `cli` or `from`');
    }
    problems.push(...requirePublicUrl('callbackSecret', Boolean(config.callbackSecret), server));
    return problems;
  },
  create(id, config, context) {
    const voiceBaseUrl = config.voiceBaseUrl ?? 'https://calling.api.sinch.com';
    const clients: SinchClients = {
      sms: context.http(config.baseUrl ?? `https://${config.region}.sms.api.sinch.com`),
      voice: context.http(voiceBaseUrl),
      voicePathPrefix: new URL(voiceBaseUrl).pathname.replace(/\/+$/, ''),
    };
    const callbackUrl = config.callbackSecret ? context.callbackUrl('status') : undefined;
    return new SinchProvider(id, config.channels ?? ['sms', 'voice'], config, clients, callbackUrl);
  },
};
