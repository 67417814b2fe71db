import { Channel } from '../channel';
import { acceptedWith } from '../kit/http/accepted';
import { postJson } from '../kit/http/post';
import { parseJson } from '../kit/http/classify-status';
import { VendorHttpClient, VendorResponse } from '../kit/http/vendor-http.client';
import { CallbackAnswer, CallbackHandler, CallbackRequest } from '../provider-callbacks';
import { safeEqual } from '../../common/safe-equal';
import { OtpMessage, SendResult, TelephonyProvider } from '../telephony-provider';
import { requireKeys, requirePublicUrl } from '../kit/vendor-checks';
import { VendorDefinition } from '../vendor-definition';
import { speakableLanguages, spokenText, vendorVoiceScript } from '../kit/voice/vendor-voice';
import { InfobipConfig } from './infobip.config';
import { infobipRefusal, infobipSmsError, infobipVoiceError } from './infobip.errors';
import { infobipReceipts } from './infobip.receipts';
import {
  INFOBIP_TTS_LANGUAGES,
  InfobipSendResponse,
  InfobipSmsRequest,
  InfobipTtsRequest,
} from './infobip.types';

const JSON_TYPE = 'application/json';
const LANGUAGES = speakableLanguages(INFOBIP_TTS_LANGUAGES);
/** Each comma is half a second of silence in Infobip text-to-speech (spec, `text`). */
const PAUSE = ',, ';

/**
 * Infobip SMS v3 (`/sms/3/messages`) and voice (`/tts/3/advanced`), `Authorization: App <key>`.
 * Numbers go as E.164 digits without `+`; Infobip's own message id is the transaction id and
 * our delivery id travels as `callbackData`. Infobip does not sign webhooks, so delivery
 * reports are requested only with a `callbackToken`, carried in the notify URL and required back.
 */
export class InfobipProvider implements TelephonyProvider, CallbackHandler {
  readonly type = 'infobip';
  private readonly authorization: string;
  private readonly notifyUrl?: string;

  constructor(
    readonly id: string,
    readonly channels: readonly Channel[],
    private readonly config: InfobipConfig,
    private readonly http: VendorHttpClient,
    statusCallbackUrl?: string,
  ) {
    this.authorization = `App ${config.apiKey}`;
    if (statusCallbackUrl && config.callbackToken) {
      this.notifyUrl = `${statusCallbackUrl}?token=${encodeURIComponent(config.callbackToken)}`;
    }
  }

  get timeoutMs(): number {
    return this.config.timeoutMs;
  }

  async send(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    const sms = message.channel === 'sms';
    const request = {
      path: sms ? '/sms/3/messages' : '/tts/3/advanced',
      body: sms ? this.smsBody(message) : this.ttsBody(message),
      authorization: this.authorization,
      signal,
    };
    const response = await postJson(this.http, request, sms ? infobipSmsError : infobipVoiceError);
    return accepted(response, message);
  }

  /** SMS v3 body (vendors.md §6.1). */
  smsBody(message: OtpMessage): InfobipSmsRequest {
    const sms: InfobipSmsRequest['messages'][number] = {
      destinations: [{ to: digits(message.to) }],
      content: { text: message.text },
    };
    if (this.config.from) sms.sender = this.config.from;
    if (this.notifyUrl) {
      sms.webhooks = {
        delivery: { url: this.notifyUrl },
        contentType: JSON_TYPE,
        callbackData: message.deliveryId,
      };
    }
    return { messages: [sms] };
  }

  /** Advanced TTS body reading the code twice, with a pause, in the locale's language (§6.3). */
  ttsBody(message: OtpMessage): InfobipTtsRequest {
    const script = vendorVoiceScript(message.code, message.locale, LANGUAGES, 'en', message.speech);
    const call: InfobipTtsRequest['messages'][number] = {
      from: this.config.voiceFrom ?? this.config.from ?? '',
      destinations: [{ to: digits(message.to) }],
      text: spokenText(script, PAUSE),
      language: script.language,
    };
    if (this.notifyUrl) {
      call.notifyUrl = this.notifyUrl;
      call.notifyContentType = JSON_TYPE;
      call.callbackData = message.deliveryId;
    }
    return { messages: [call] };
  }

  handleCallback(kind: string, request: CallbackRequest): Promise<CallbackAnswer | undefined> {
    if (kind !== 'status') return Promise.resolve(undefined);
    const token = request.params.token;
    const expected = this.config.callbackToken;
    if (!expected || typeof token !== 'string' || !safeEqual(token, expected)) {
      return Promise.resolve({ kind: 'rejected' });
    }
    return Promise.resolve({ kind: 'receipts', receipts: infobipReceipts(request.json) });
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

/** The message id of a 200, or the classified refusal it reports. */
function accepted(response: VendorResponse, message: OtpMessage): SendResult {
  const first = (parseJson(response.body) as InfobipSendResponse | undefined)?.messages?.[0];
  const refusal = infobipRefusal(response, first?.status);
  if (refusal) throw refusal;
  const id = typeof first?.messageId === 'string' ? first.messageId : undefined;
  return acceptedWith('Infobip', 'messageId', id, message, first?.status?.name);
}

function digits(e164: string): string {
  return e164.replace(/^\+/, '');
}

export const infobipVendor: VendorDefinition<InfobipConfig> = {
  configClass: InfobipConfig,
  channels: ['sms', 'voice'],
  check(config, channels, server) {
    const problems = requireKeys(config, ['baseUrl'], 'Infobip (https://<yours>.api.infobip.com)');
    if (channels.includes('voice') && !config.voiceFrom && !config.from) {
      problems.push('voiceFrom: voice needs `voiceFrom` or `from`');
    }
    problems.push(...requirePublicUrl('callbackToken', Boolean(config.callbackToken), server));
    return problems;
  },
  create: (id, config, context) =>
    new InfobipProvider(
      id,
      config.channels ?? ['sms', 'voice'],
      config,
      context.http(config.baseUrl ?? ''),
      context.callbackUrl('status'),
    ),
};
