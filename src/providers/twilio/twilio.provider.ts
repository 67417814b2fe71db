import { Channel } from '../channel';
import { acceptedWith } from '../kit/http/accepted';
import { parseJson } from '../kit/http/classify-status';
import { postForm } from '../kit/http/post';
import { VendorHttpClient } from '../kit/http/vendor-http.client';
import { CallbackAnswer, CallbackHandler, CallbackRequest } from '../provider-callbacks';
import { OtpMessage, SendResult, TelephonyProvider } from '../telephony-provider';
import { VendorDefinition } from '../vendor-definition';
import { composeVoiceScript, pickLanguage } from '../kit/voice/voice-script';
import { TwilioConfig, twilioAuthorization } from './twilio.config';
import { twilioError } from './twilio.errors';
import { twilioReceipts } from './twilio.receipts';
import { hasValidTwilioSignature } from './twilio.signature';
import { renderTwiml } from './twilio.twiml';
import { TWILIO_LANGUAGES, TwilioResource } from './twilio.types';
import { TwilioVerifyProvider } from './twilio.verify.provider';

/** Twilio Programmable Messaging (Messages) for SMS and Voice (Calls with inline TwiML). */
export class TwilioProvider implements TelephonyProvider, CallbackHandler {
  readonly type = 'twilio';
  private readonly authorization: string;
  private readonly basePath: string;

  constructor(
    readonly id: string,
    readonly channels: readonly Channel[],
    private readonly config: TwilioConfig,
    private readonly http: VendorHttpClient,
    private readonly statusCallbackUrl?: string,
  ) {
    this.authorization = twilioAuthorization(config);
    this.basePath = `/2010-04-01/Accounts/${config.accountSid}`;
  }

  get timeoutMs(): number {
    return this.config.timeoutMs;
  }

  async send(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    const [resource, form] =
      message.channel === 'sms'
        ? ['Messages', this.smsForm(message)]
        : ['Calls', this.callForm(message)];
    const path = `${this.basePath}/${resource}.json`;
    const post = { path, form, authorization: this.authorization, signal };
    const response = await postForm(this.http, post, twilioError);
    const body = parseJson(response.body) as TwilioResource | undefined;
    return acceptedWith('Twilio', 'sid', body?.sid, message, body?.status);
  }

  /** Messages resource: To, From or MessagingServiceSid, Body (vendors.md §1.1). */
  smsForm(message: OtpMessage): URLSearchParams {
    const form = new URLSearchParams({ To: message.to });
    if (this.config.messagingServiceSid)
      form.set('MessagingServiceSid', this.config.messagingServiceSid);
    else form.set('From', this.config.from ?? '');
    form.set('Body', message.text);
    if (this.statusCallbackUrl) form.set('StatusCallback', this.statusCallbackUrl);
    return form;
  }

  /** Calls resource: To, From, inline Twiml that reads the code twice (vendors.md §1.2). */
  callForm(message: OtpMessage): URLSearchParams {
    const language = pickLanguage(message.locale, TWILIO_LANGUAGES);
    const script = composeVoiceScript(message.code, language, 2, message.speech);
    const form = new URLSearchParams({
      To: message.to,
      From: this.config.voiceFrom ?? this.config.from ?? '',
      Twiml: renderTwiml(script, this.config.voice),
    });
    if (this.statusCallbackUrl) {
      form.set('StatusCallback', this.statusCallbackUrl);
      form.append('StatusCallbackEvent', 'completed');
    }
    return form;
  }

  /**
   * Status callbacks at `<publicUrl>/callbacks/<id>/status`, signed with the account's auth
   * token (also when requests use an API key); anything unsigned or forged is rejected.
   */
  handleCallback(kind: string, request: CallbackRequest): Promise<CallbackAnswer | undefined> {
    if (kind !== 'status') return Promise.resolve(undefined);
    if (!hasValidTwilioSignature(this.config.authToken, request)) {
      return Promise.resolve({ kind: 'rejected' });
    }
    return Promise.resolve({ kind: 'receipts', receipts: twilioReceipts(request.params) });
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

export const twilioVendor: VendorDefinition<TwilioConfig> = {
  configClass: TwilioConfig,
  channels: ['sms', 'voice'],
  check(config, channels) {
    const problems: string[] = [];
    if (config.mode === 'verify') {
      if (!config.verifyServiceSid)
        problems.push('verifyServiceSid: `mode: verify` needs `verifyServiceSid`');
    } else if (channels.includes('sms') && !config.from && !config.messagingServiceSid) {
      problems.push('from: SMS needs `from` or `messagingServiceSid`');
    }
    if (
      config.mode !== 'verify' &&
      channels.includes('voice') &&
      !config.voiceFrom &&
      !config.from
    ) {
      problems.push('voiceFrom: voice needs `voiceFrom` or `from`');
    }
    if (Boolean(config.apiKeySid) !== Boolean(config.apiKeySecret)) {
      problems.push('apiKeySid: `apiKeySid` and `apiKeySecret` go together');
    }
    return problems;
  },
  create: (id, config, context) => {
    const channels = config.channels ?? ['sms', 'voice'];
    if (config.mode === 'verify') {
      const http = context.http(config.verifyBaseUrl ?? 'https://verify.twilio.com');
      return new TwilioVerifyProvider(id, channels, config, http);
    }
    const http = context.http(config.baseUrl ?? 'https://api.twilio.com');
    return new TwilioProvider(id, channels, config, http, context.callbackUrl('status'));
  },
};
