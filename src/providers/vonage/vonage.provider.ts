import { Channel } from '../channel';
import { acceptedWith } from '../kit/http/accepted';
import { parseJson } from '../kit/http/classify-status';
import { postJson } from '../kit/http/post';
import { VendorHttpClient, VendorResponse } from '../kit/http/vendor-http.client';
import { CallbackAnswer, CallbackHandler, CallbackRequest } from '../provider-callbacks';
import { ProviderError, ProviderErrorCode } from '../provider-error';
import { OtpMessage, SendResult, TelephonyProvider } from '../telephony-provider';
import { VendorDefinition } from '../vendor-definition';
import { checkVonageConfig, VonageConfig } from './vonage.config';
import { vonageHttpError, vonageSmsError } from './vonage.errors';
import { readPrivateKey, VonageApplicationToken } from './vonage.jwt';
import { vonageCallback } from './vonage.receipts';
import { vonageCallBody, vonageMessageBody, vonageSmsForm } from './vonage.requests';
import { VonageCallCreated, VonageMessageAccepted, VonageSmsResponse } from './vonage.types';

/** The two Vonage services: the SMS API host and the Messages / Voice API host. */
export interface VonageHosts {
  readonly rest: VendorHttpClient;
  readonly api: VendorHttpClient;
}

/**
 * Vonage: SMS through the SMS API (default) or the Messages API v1, voice through the Voice API
 * with an inline NCCO. Receipts arrive at `status`, signed with the account signature secret.
 */
export class VonageProvider implements TelephonyProvider, CallbackHandler {
  readonly type = 'vonage';

  constructor(
    readonly id: string,
    readonly channels: readonly Channel[],
    private readonly config: VonageConfig,
    private readonly hosts: VonageHosts,
    private readonly application?: VonageApplicationToken,
    /** Set only when receipts can be verified (a signature secret is configured). */
    private readonly statusUrl?: string,
  ) {}

  get timeoutMs(): number {
    return this.config.timeoutMs;
  }

  send(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    if (message.channel === 'voice') return this.call(message, signal);
    return this.config.smsApi === 'messages'
      ? this.sendMessage(message, signal)
      : this.sendSms(message, signal);
  }

  handleCallback(kind: string, request: CallbackRequest): Promise<CallbackAnswer | undefined> {
    if (kind !== 'status') return Promise.resolve(undefined);
    const secret = this.config.signatureSecret;
    if (!secret) return Promise.resolve({ kind: 'rejected' });
    return vonageCallback(request, secret, this.config.signatureMethod);
  }

  close(): Promise<void> {
    return Promise.all([this.hosts.rest.close(), this.hosts.api.close()]).then(() => undefined);
  }

  private async sendSms(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    const response = await this.hosts.rest.request({
      method: 'POST',
      path: '/sms/json',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: vonageSmsForm(message, this.config, this.statusUrl).toString(),
      signal,
    });
    if (response.status !== 200) throw vonageHttpError(response);
    const parts = (parseJson(response.body) as VonageSmsResponse | undefined)?.messages ?? [];
    const sent = parts.find((part) => part.status === '0');
    // Refused only when no part went out: once one has, the person may have the code.
    if (!sent && parts.length > 0) throw vonageSmsError(parts[0].status);
    return acceptedWith('Vonage', 'message-id', sent?.['message-id'], message);
  }

  private async sendMessage(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    const body = vonageMessageBody(message, this.config, this.statusUrl);
    const response = await this.post('/v1/messages', body, await this.messagesAuth(), signal);
    const answer = parseJson(response.body) as VonageMessageAccepted | undefined;
    return acceptedWith('Vonage', 'message_uuid', answer?.message_uuid, message);
  }

  private async call(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    if (!this.application) {
      throw new ProviderError(
        ProviderErrorCode.UnsupportedChannel,
        'Vonage voice needs an application',
      );
    }
    const authorization = await this.application.authorization();
    const body = vonageCallBody(message, this.config, this.statusUrl);
    const response = await this.post('/v1/calls', body, authorization, signal);
    const answer = parseJson(response.body) as VonageCallCreated | undefined;
    return acceptedWith('Vonage', 'uuid', answer?.uuid, message, answer?.status);
  }

  /** Messages API auth: the application JWT when there is one, else Basic key:secret. */
  private messagesAuth(): Promise<string> {
    if (this.application) return this.application.authorization();
    const basic = Buffer.from(`${this.config.apiKey}:${this.config.apiSecret}`).toString('base64');
    return Promise.resolve(`Basic ${basic}`);
  }

  private post(
    path: string,
    body: unknown,
    authorization: string,
    signal: AbortSignal,
  ): Promise<VendorResponse> {
    return postJson(this.hosts.api, { path, body, authorization, signal }, vonageHttpError);
  }
}

export const vonageVendor: VendorDefinition<VonageConfig> = {
  configClass: VonageConfig,
  channels: ['sms', 'voice'],
  check: (config, channels) => checkVonageConfig(config, channels),
  create(id, config, context) {
    const key = config.privateKey ? readPrivateKey(config.privateKey) : undefined;
    const application =
      key && config.applicationId
        ? new VonageApplicationToken(config.applicationId, key)
        : undefined;
    const hosts: VonageHosts = {
      rest: context.http(config.baseUrl ?? 'https://rest.nexmo.com'),
      api: context.http(config.apiBaseUrl ?? 'https://api.nexmo.com'),
    };
    const statusUrl = config.signatureSecret ? context.callbackUrl('status') : undefined;
    return new VonageProvider(
      id,
      config.channels ?? ['sms', 'voice'],
      config,
      hosts,
      application,
      statusUrl,
    );
  },
};
