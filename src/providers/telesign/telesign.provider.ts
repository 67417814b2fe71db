import { Channel } from '../channel';
import { acceptedWith } from '../kit/http/accepted';
import { parseJson } from '../kit/http/classify-status';
import { basicAuthorization, postForm } from '../kit/http/post';
import { VendorHttpClient } from '../kit/http/vendor-http.client';
import { speakableLanguages, spokenText, vendorVoiceScript } from '../kit/voice/vendor-voice';
import { receiptAnswer, REJECTED, text } from '../kit/webhooks/callback-params';
import { CallbackAnswer, CallbackHandler, CallbackRequest } from '../provider-callbacks';
import { OtpMessage, SendResult, TelephonyProvider } from '../telephony-provider';
import { VendorDefinition } from '../vendor-definition';
import { TelesignConfig } from './telesign.config';
import { isInProgress, telesignCodes, telesignError } from './telesign.errors';
import { telesignReceipt } from './telesign.receipts';
import { hasValidTelesignSignature } from './telesign.signature';
import {
  TELESIGN_VOICE_LANGUAGES,
  TelesignSmsForm,
  TelesignTransaction,
  TelesignVoiceForm,
} from './telesign.types';

const LANGUAGES = speakableLanguages(TELESIGN_VOICE_LANGUAGES);

/**
 * Telesign: SMS through the Messaging API (`POST /v1/messaging`, `message_type=OTP`) and voice
 * through the Voice API (`POST /v1/voice`, text-to-speech), form-encoded with Basic
 * `customerId:apiKey`. Okta gets Telesign's `reference_id`. Transaction callbacks, signed with
 * the API key, are the delivery receipts.
 */
export class TelesignProvider implements TelephonyProvider, CallbackHandler {
  readonly type = 'telesign';
  private readonly authorization: string;

  constructor(
    readonly id: string,
    readonly channels: readonly Channel[],
    private readonly config: TelesignConfig,
    private readonly http: VendorHttpClient,
    private readonly statusCallbackUrl?: string,
  ) {
    this.authorization = basicAuthorization(config.customerId, config.apiKey);
  }

  get timeoutMs(): number {
    return this.config.timeoutMs;
  }

  async send(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    const sms = message.channel === 'sms';
    const form = sms ? this.smsForm(message) : this.voiceForm(message);
    const path = sms ? '/v1/messaging' : '/v1/voice';
    const post = { path, form: { ...form }, authorization: this.authorization, signal };
    const response = await postForm(this.http, post, telesignError);
    const body = parseJson(response.body) as TelesignTransaction | undefined;
    const status = telesignCodes(body)[0];
    if (!isInProgress(status)) throw telesignError(response);
    return acceptedWith('Telesign', 'reference_id', text(body?.reference_id), message, status);
  }

  /** Messaging API form: the number as digits, our delivery id as `external_id`. */
  smsForm(message: OtpMessage): TelesignSmsForm {
    const form: TelesignSmsForm = {
      phone_number: digits(message.to),
      message: message.text,
      message_type: 'OTP',
      external_id: message.deliveryId,
    };
    if (this.config.senderId) form.sender_id = this.config.senderId;
    if (this.statusCallbackUrl) form.callback_url = this.statusCallbackUrl;
    return form;
  }

  /** Voice API form: the code digit by digit, twice, in the locale's language when Telesign speaks it. */
  voiceForm(message: OtpMessage): TelesignVoiceForm {
    const script = vendorVoiceScript(
      message.code,
      message.locale,
      LANGUAGES,
      'en-US',
      message.speech,
    );
    return {
      phone_number: digits(message.to),
      // A new line is a longer pause in Telesign's text-to-speech.
      message: spokenText(script, '\n'),
      message_type: 'OTP',
      voice: `f-${script.language}`,
    };
  }

  /** Transaction callbacks at `/callbacks/<id>/status`, accepted only with Telesign's signature. */
  handleCallback(kind: string, request: CallbackRequest): Promise<CallbackAnswer | undefined> {
    if (kind !== 'status') return Promise.resolve(undefined);
    const { customerId, apiKey } = this.config;
    if (!hasValidTelesignSignature(customerId, apiKey, request)) return Promise.resolve(REJECTED);
    return Promise.resolve(receiptAnswer(telesignReceipt(request.json)));
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

function digits(e164: string): string {
  return e164.replace(/^\+/, '');
}

export const telesignVendor: VendorDefinition<TelesignConfig> = {
  configClass: TelesignConfig,
  channels: ['sms', 'voice'],
  create: (id, config, context) =>
    new TelesignProvider(
      id,
      config.channels ?? ['sms', 'voice'],
      config,
      context.http(config.baseUrl ?? 'https://rest-api.telesign.com'),
      context.callbackUrl('status'),
    ),
};
