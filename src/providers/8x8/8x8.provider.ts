import { safeEqual } from '../../common/safe-equal';
import { Channel } from '../channel';
import { acceptedWith } from '../kit/http/accepted';
import { parseJson } from '../kit/http/classify-status';
import { postJson } from '../kit/http/post';
import { VendorHttpClient, VendorResponse } from '../kit/http/vendor-http.client';
import { speakableLanguages, vendorVoiceScript } from '../kit/voice/vendor-voice';
import { header, receiptAnswer, REJECTED, text } from '../kit/webhooks/callback-params';
import { CallbackAnswer, CallbackHandler, CallbackRequest } from '../provider-callbacks';
import { ProviderError } from '../provider-error';
import { OtpMessage, SendResult, TelephonyProvider } from '../telephony-provider';
import { VendorDefinition } from '../vendor-definition';
import { checkEightByEight, EightByEightConfig } from './8x8.config';
import { eightByEightRejected, eightByEightSmsError, eightByEightVoiceError } from './8x8.errors';
import { eightByEightReceipt } from './8x8.receipts';
import {
  EightByEightCallflow,
  EightByEightCallflowResponse,
  EightByEightSmsRequest,
  EightByEightSmsResponse,
} from './8x8.types';

/** The SMS API and the Voice API are on different hosts. */
export interface EightByEightClients {
  readonly sms: VendorHttpClient;
  readonly voice: VendorHttpClient;
}

/**
 * 8x8: SMS through the SMS API (`POST /api/v1/subaccounts/{id}/messages`) and voice through the
 * Callflows API (`makeCall`, `say` twice, `hangup`), with the API key as a Bearer token. Okta
 * gets the SMS `umid` or the call's `sessionId`. 8x8 does not sign webhooks: receipts (SMS
 * delivery receipts, voice session summaries) are accepted only with the `Authorization` value
 * configured on the 8x8 webhook.
 */
export class EightByEightProvider implements TelephonyProvider, CallbackHandler {
  readonly type = '8x8';
  private readonly authorization: string;
  private readonly languages: readonly string[];

  constructor(
    readonly id: string,
    readonly channels: readonly Channel[],
    private readonly config: EightByEightConfig,
    private readonly clients: EightByEightClients,
  ) {
    this.authorization = `Bearer ${config.apiKey}`;
    this.languages = speakableLanguages(Object.keys(config.voiceProfiles));
  }

  get timeoutMs(): number {
    return this.config.timeoutMs;
  }

  send(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    return message.channel === 'sms' ? this.sendSms(message, signal) : this.call(message, signal);
  }

  /** SMS body: E.164 destination, our delivery id as `clientMessageId`. */
  smsBody(message: OtpMessage): EightByEightSmsRequest {
    const body: EightByEightSmsRequest = {
      destination: message.to,
      text: message.text,
      clientMessageId: message.deliveryId,
      encoding: 'AUTO',
    };
    if (this.config.source) body.source = this.config.source;
    return body;
  }

  /** A callflow that calls, says the code digit by digit twice in the locale's language, hangs up. */
  callflow(message: OtpMessage): EightByEightCallflow {
    const profiles = this.config.voiceProfiles;
    const fallback = Object.keys(profiles)[0];
    const script = vendorVoiceScript(
      message.code,
      message.locale,
      this.languages,
      fallback,
      message.speech,
    );
    const voiceProfile = profiles[script.language] ?? profiles[fallback];
    return {
      callflow: [
        {
          action: 'makeCall',
          params: { source: this.config.voiceFrom ?? '', destination: message.to },
        },
        {
          action: 'say',
          params: { text: script.sentence, voiceProfile, repetition: script.repeat, speed: 1 },
        },
        { action: 'hangup' },
      ],
    };
  }

  handleCallback(kind: string, request: CallbackRequest): Promise<CallbackAnswer | undefined> {
    if (kind !== 'status') return Promise.resolve(undefined);
    const expected = this.config.callbackAuthorization;
    const presented = header(request, 'authorization');
    if (!expected || !presented || !safeEqual(presented, expected))
      return Promise.resolve(REJECTED);
    return Promise.resolve(receiptAnswer(eightByEightReceipt(request.json)));
  }

  async close(): Promise<void> {
    await Promise.all([this.clients.sms.close(), this.clients.voice.close()]);
  }

  private async sendSms(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    const { subAccountId } = this.config;
    const sms = { client: this.clients.sms, path: 'messages', toError: eightByEightSmsError };
    const { body } = await this.post<EightByEightSmsResponse>(
      sms,
      subAccountId,
      this.smsBody(message),
      signal,
    );
    const state = text(body?.status?.code);
    if (state === 'REJECTED') throw eightByEightRejected(body?.status?.description);
    return acceptedWith('8x8', 'umid', text(body?.umid), message, state);
  }

  private async call(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    const subAccount = this.config.voiceSubAccountId ?? this.config.subAccountId;
    const voice = {
      client: this.clients.voice,
      path: 'callflows',
      toError: eightByEightVoiceError,
    };
    const { response, body } = await this.post<EightByEightCallflowResponse>(
      voice,
      subAccount,
      this.callflow(message),
      signal,
    );
    const state = text(body?.sessionStatus);
    // A 2xx that says nothing readable is sent all the same (acceptedWith); only NOT_CREATED is not.
    if (state !== undefined && state !== 'CREATED') throw eightByEightVoiceError(response);
    return acceptedWith('8x8', 'sessionId', text(body?.sessionId), message, state);
  }

  /** A JSON POST to one subaccount's resource, a non-2xx answer thrown as `api.toError` says. */
  private async post<T>(
    api: { client: VendorHttpClient; path: string; toError: (r: VendorResponse) => ProviderError },
    subAccount: string,
    body: unknown,
    signal: AbortSignal,
  ): Promise<{ response: VendorResponse; body: T | undefined }> {
    const path = `/api/v1/subaccounts/${encodeURIComponent(subAccount)}/${api.path}`;
    const request = { path, body, authorization: this.authorization, signal };
    const response = await postJson(api.client, request, api.toError);
    return { response, body: parseJson(response.body) as T | undefined };
  }
}

export const eightByEightVendor: VendorDefinition<EightByEightConfig> = {
  configClass: EightByEightConfig,
  channels: ['sms', 'voice'],
  check: checkEightByEight,
  create: (id, config, context) =>
    new EightByEightProvider(id, config.channels ?? ['sms', 'voice'], config, {
      sms: context.http(config.baseUrl ?? 'https://sms.8x8.com'),
      voice: context.http(config.voiceBaseUrl ?? 'https://voice.8x8.com'),
    }),
};
