import { Channel } from '../channel';
import { VendorHttpClient, VendorRequest } from '../kit/http/vendor-http.client';
import { ProviderError, ProviderErrorCode } from '../provider-error';
import { OtpMessage, SendResult, TelephonyProvider } from '../telephony-provider';
import { VendorDefinition } from '../vendor-definition';
import { speakableLanguages, spokenText, vendorVoiceScript } from '../kit/voice/vendor-voice';
import { checkGenericHttp } from './generic-http.check';
import { GenericHttpConfig } from './generic-http.config';
import { genericHttpError, isSuccessStatus } from './generic-http.errors';
import { readAccepted } from './generic-http.response';
import {
  hasLineBreak,
  renderForm,
  renderJson,
  substitute,
  TemplateValues,
} from './generic-http.template';

const CONTENT_TYPE = { json: 'application/json', form: 'application/x-www-form-urlencoded' };

/**
 * Any vendor with an HTTP API: one request per message, built from the configured template.
 * Templates are data: placeholders are substituted in strings, and the body is serialised by
 * JSON.stringify or URLSearchParams, so message text can never add fields or headers.
 */
export class GenericHttpProvider implements TelephonyProvider {
  readonly type = 'http';
  private readonly languages: string[];

  constructor(
    readonly id: string,
    readonly channels: readonly Channel[],
    private readonly config: GenericHttpConfig,
    private readonly http: VendorHttpClient,
  ) {
    this.languages = speakableLanguages(config.languages);
  }

  get timeoutMs(): number {
    return this.config.timeoutMs;
  }

  async send(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    const response = await this.http.request({ ...this.request(message), signal });
    if (!isSuccessStatus(response.status, this.config.response)) {
      throw genericHttpError(response, this.config.response);
    }
    return readAccepted(response, this.config.response, message.deliveryId);
  }

  /** The request for one message, without its abort signal. */
  request(message: OtpMessage): Omit<VendorRequest, 'signal'> {
    const values = this.values(message);
    const { method, format, template } = this.config;
    const body =
      method === 'GET'
        ? undefined
        : format === 'json'
          ? renderJson(template, values)
          : renderForm(template as Record<string, unknown>, values);
    return {
      method,
      path: substitute(this.config.path, values, encodeURIComponent),
      headers: this.headers(values),
      body,
    };
  }

  /** What each placeholder stands for in this message. */
  values(message: OtpMessage): TemplateValues {
    const fallback = this.languages[0] ?? 'en-US';
    const script = vendorVoiceScript(
      message.code,
      message.locale,
      this.languages,
      fallback,
      message.speech,
    );
    return {
      to: message.to,
      toDigits: message.to.replace(/^\+/, ''),
      from: this.config.from ?? '',
      text: message.text,
      code: message.code,
      channel: message.channel,
      locale: message.locale ?? '',
      deliveryId: message.deliveryId,
      speech: spokenText(script),
      speechLanguage: script.language,
    };
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private headers(values: TemplateValues): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.config.method !== 'GET') headers['content-type'] = CONTENT_TYPE[this.config.format];
    const auth = this.config.basicAuth;
    if (auth) {
      const pair = Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
      headers.authorization = `Basic ${pair}`;
    }
    for (const [name, value] of Object.entries(this.config.headers ?? {})) {
      const filled = substitute(value, values);
      if (hasLineBreak(filled)) {
        throw new ProviderError(
          ProviderErrorCode.VendorConfig,
          `header ${name.toLowerCase()} would contain a line break; nothing was sent`,
        );
      }
      headers[name.toLowerCase()] = filled;
    }
    return headers;
  }
}

export const genericHttpVendor: VendorDefinition<GenericHttpConfig> = {
  configClass: GenericHttpConfig,
  channels: ['sms', 'voice'],
  check: (config) => checkGenericHttp(config),
  create: (id, config, context) =>
    new GenericHttpProvider(id, config.channels ?? [], config, context.http(config.baseUrl ?? '')),
};
