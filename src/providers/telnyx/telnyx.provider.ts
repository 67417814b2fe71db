import { KeyObject } from 'node:crypto';
import { Channel } from '../channel';
import { acceptedWith } from '../kit/http/accepted';
import { CallbackAnswer, CallbackHandler, CallbackRequest } from '../provider-callbacks';
import { OtpMessage, SendResult, TelephonyProvider } from '../telephony-provider';
import { VendorDefinition } from '../vendor-definition';
import { ACKNOWLEDGED, jsonObject, receiptAnswer, REJECTED } from '../kit/webhooks/callback-params';
import { SealedTokens } from '../kit/webhooks/sealed-token';
import { TelnyxApi } from './telnyx.api';
import { TelnyxCallControl } from './telnyx.call-control';
import { checkTelnyxConfig, TelnyxConfig } from './telnyx.config';
import { hangupReceipt, messageReceipt, texmlReceipt } from './telnyx.receipts';
import { telnyxMessageBody, telnyxScript, telnyxTexmlBody } from './telnyx.requests';
import { readTelnyxPublicKey, verifyTelnyxSignature } from './telnyx.signature';
import { TelnyxEvent, TelnyxMessageResponse, TelnyxTexmlCallResponse } from './telnyx.types';

/** How a Telnyx provider hears back: set only when a public URL and the webhook key are configured. */
export interface TelnyxCallbacks {
  readonly publicKey?: KeyObject;
  readonly statusUrl?: string;
  readonly callControl?: TelnyxCallControl;
}

/**
 * Telnyx API v2: SMS through Messages, voice through TeXML (one request, inline XML) or Call
 * Control (dial, then speak on `call.answered`). Every callback arrives at `status` and must
 * carry a valid Ed25519 signature.
 */
export class TelnyxProvider implements TelephonyProvider, CallbackHandler {
  readonly type = 'telnyx';

  constructor(
    readonly id: string,
    readonly channels: readonly Channel[],
    private readonly config: TelnyxConfig,
    private readonly api: TelnyxApi,
    private readonly callbacks: TelnyxCallbacks = {},
  ) {}

  get timeoutMs(): number {
    return this.config.timeoutMs;
  }

  async send(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    if (message.channel === 'voice') {
      return this.callbacks.callControl
        ? this.callbacks.callControl.dial(message, signal)
        : this.texmlCall(message, signal);
    }
    const body = telnyxMessageBody(message, this.config, this.callbacks.statusUrl);
    const answer = await this.api.post<TelnyxMessageResponse>('/v2/messages', body, signal);
    const status = answer?.data?.to?.[0]?.status;
    return acceptedWith('Telnyx', 'message id', answer?.data?.id, message, status);
  }

  async handleCallback(
    kind: string,
    request: CallbackRequest,
  ): Promise<CallbackAnswer | undefined> {
    if (kind !== 'status') return undefined;
    const key = this.callbacks.publicKey;
    if (!key || !verifyTelnyxSignature(request, key)) return REJECTED;
    const event = jsonObject(request)?.data as TelnyxEvent | undefined;
    if (typeof event?.event_type !== 'string') {
      const ref = new URL(request.url).searchParams.get('ref') ?? undefined;
      return receiptAnswer(texmlReceipt(jsonObject(request) ?? request.params, ref));
    }
    switch (event.event_type) {
      case 'message.sent':
      case 'message.finalized':
        return receiptAnswer(messageReceipt(event));
      case 'call.hangup':
        return receiptAnswer(hangupReceipt(event));
      default:
        await this.callbacks.callControl?.onEvent(event);
        return ACKNOWLEDGED;
    }
  }

  close(): Promise<void> {
    return this.api.close();
  }

  /**
   * TeXML answers no call id (spec3.yml `InitiateCallResult` is from, to, status), so Okta gets
   * our delivery id; the status callback URL names it, so receipts carry the same id.
   */
  private async texmlCall(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    const script = telnyxScript(message);
    const statusUrl = this.callbacks.statusUrl
      ? `${this.callbacks.statusUrl}?ref=${encodeURIComponent(message.deliveryId)}`
      : undefined;
    const body = telnyxTexmlBody(message, this.config, script, statusUrl);
    const path = `/v2/texml/Accounts/${encodeURIComponent(this.config.accountSid ?? '')}/Calls`;
    const answer = await this.api.post<TelnyxTexmlCallResponse>(path, body, signal);
    return { transactionId: message.deliveryId, vendorStatus: answer?.status };
  }
}

export const telnyxVendor: VendorDefinition<TelnyxConfig> = {
  configClass: TelnyxConfig,
  channels: ['sms', 'voice'],
  check: checkTelnyxConfig,
  create(id, config, context) {
    const api = new TelnyxApi(
      context.http(config.baseUrl ?? 'https://api.telnyx.com'),
      config.apiKey,
    );
    const publicKey = config.publicKey ? readTelnyxPublicKey(config.publicKey) : undefined;
    const statusUrl = publicKey ? context.callbackUrl('status') : undefined;
    const callControl =
      config.voiceMode === 'call-control' && statusUrl
        ? new TelnyxCallControl(
            api,
            new SealedTokens(config.apiKey, 'telnyx client_state'),
            config,
            statusUrl,
            context.logger,
          )
        : undefined;
    const channels = config.channels ?? ['sms', 'voice'];
    return new TelnyxProvider(id, channels, config, api, { publicKey, statusUrl, callControl });
  },
};
