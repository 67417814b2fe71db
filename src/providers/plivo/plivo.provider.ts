import { Channel } from '../channel';
import { acceptedWith } from '../kit/http/accepted';
import { parseJson } from '../kit/http/classify-status';
import { basicAuthorization, postJson } from '../kit/http/post';
import { VendorHttpClient } from '../kit/http/vendor-http.client';
import { CallbackAnswer, CallbackHandler, CallbackRequest } from '../provider-callbacks';
import { ProviderError, ProviderErrorCode } from '../provider-error';
import { OtpMessage, SendResult, TelephonyProvider } from '../telephony-provider';
import { VendorDefinition } from '../vendor-definition';
import { receiptAnswer, REJECTED } from '../kit/webhooks/callback-params';
import { openScript, sealScript } from '../kit/webhooks/sealed-script';
import { SealedTokens } from '../kit/webhooks/sealed-token';
import { checkPlivoConfig, PlivoConfig } from './plivo.config';
import { plivoError, plivoInvalidNumber } from './plivo.errors';
import { plivoReceipt } from './plivo.receipts';
import { plivoCallBody, plivoMessageBody, plivoScript, renderPlivoXml } from './plivo.requests';
import { verifyPlivoSignature } from './plivo.signature';
import { PlivoCallResponse, PlivoMessageResponse } from './plivo.types';

/** Where Plivo calls back: `<publicUrl>/callbacks/<id>/answer` and `/status`, when there is a public URL. */
export interface PlivoLinks {
  readonly answerUrl?: string;
  readonly statusUrl?: string;
}

/**
 * Plivo: SMS through Message, voice through Call. Plivo has no inline call XML: it fetches
 * `answer_url`, which this gateway serves itself with the script sealed in the URL (so any
 * replica can answer and no code travels in clear), after checking Plivo's V3 signature.
 */
export class PlivoProvider implements TelephonyProvider, CallbackHandler {
  readonly type = 'plivo';
  private readonly authorization: string;
  private readonly basePath: string;

  constructor(
    readonly id: string,
    readonly channels: readonly Channel[],
    private readonly config: PlivoConfig,
    private readonly http: VendorHttpClient,
    private readonly scripts: SealedTokens,
    private readonly links: PlivoLinks = {},
  ) {
    this.authorization = basicAuthorization(config.authId, config.authToken);
    this.basePath = `/v1/Account/${config.authId}`;
  }

  get timeoutMs(): number {
    return this.config.timeoutMs;
  }

  send(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    return message.channel === 'voice' ? this.call(message, signal) : this.sendSms(message, signal);
  }

  handleCallback(kind: string, request: CallbackRequest): Promise<CallbackAnswer | undefined> {
    if (kind !== 'answer' && kind !== 'status') return Promise.resolve(undefined);
    if (!verifyPlivoSignature(request, this.config.authToken)) return Promise.resolve(REJECTED);
    if (kind === 'status') return Promise.resolve(receiptAnswer(plivoReceipt(request.params)));
    const token = new URL(request.url).searchParams.get('s');
    const script = token ? openScript(this.scripts, token) : undefined;
    if (!script) return Promise.resolve(REJECTED);
    const body = renderPlivoXml(script, this.config.voice);
    return Promise.resolve({
      kind: 'document',
      document: { contentType: 'application/xml', body },
    });
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private async sendSms(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    const body = plivoMessageBody(message, this.config, this.links.statusUrl);
    const answer = await this.post<PlivoMessageResponse>('Message', body, signal);
    const digits = message.to.replace(/^\+/, '');
    if (answer?.invalid_number?.some((n) => n.replace(/^\+/, '') === digits)) {
      throw plivoInvalidNumber();
    }
    return acceptedWith('Plivo', 'message_uuid', answer?.message_uuid?.[0], message);
  }

  private async call(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    if (!this.links.answerUrl) {
      throw new ProviderError(
        ProviderErrorCode.UnsupportedChannel,
        'Plivo voice needs server.publicUrl',
      );
    }
    const script = plivoScript(message, this.config.voice);
    const answerUrl = `${this.links.answerUrl}?s=${sealScript(this.scripts, script)}`;
    const body = plivoCallBody(message, this.config, answerUrl, this.links.statusUrl);
    const answer = await this.post<PlivoCallResponse>('Call', body, signal);
    return acceptedWith('Plivo', 'request_uuid', answer?.request_uuid, message);
  }

  /** POST to `/v1/Account/{authId}/{resource}/` (the trailing slash is part of Plivo's paths). */
  private async post<T>(
    resource: string,
    body: unknown,
    signal: AbortSignal,
  ): Promise<T | undefined> {
    const path = `${this.basePath}/${resource}/`;
    const request = { path, body, authorization: this.authorization, signal };
    const response = await postJson(this.http, request, plivoError);
    return parseJson(response.body) as T | undefined;
  }
}

export const plivoVendor: VendorDefinition<PlivoConfig> = {
  configClass: PlivoConfig,
  channels: ['sms', 'voice'],
  check: checkPlivoConfig,
  create: (id, config, context) =>
    new PlivoProvider(
      id,
      config.channels ?? ['sms', 'voice'],
      config,
      context.http(config.baseUrl ?? 'https://api.plivo.com'),
      new SealedTokens(config.authToken, 'plivo answer_url'),
      { answerUrl: context.callbackUrl('answer'), statusUrl: context.callbackUrl('status') },
    ),
};
