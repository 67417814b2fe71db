import { Injectable } from '@nestjs/common';
import { DeliveryPolicy } from '../delivery.policy';
import { OtpMessage } from '../../providers/telephony-provider';
import { DeliveryRequest } from '../delivery.types';
import { withAutofillLines } from './autofill-lines';
import { toGsm7 } from './gsm7-transliteration';
import { MessagesConfig } from './messages.config';
import { fillTemplate, placeholderValues } from './placeholders';
import { matchingTemplates } from './template-match';

/** One delivery's message, and what its SMS text was before transliteration. */
export interface ComposedMessage {
  readonly message: OtpMessage;
  /** Set with `messages.encoding: gsm7-when-possible`, for the segments metric. */
  readonly beforeTransliteration?: string;
}

/**
 * What every attempt of one delivery sends. The text is the first matching template
 * (`messages.templates`) filled in, else Okta's msgTemplate, else `hook.defaultSmsTemplate`;
 * an SMS is then transliterated to GSM-7 when asked and possible, and gets the SMS Retriever
 * hash and the WebOTP line. A call says the template's voice text, else the built-in sentence.
 */
@Injectable()
export class MessageComposer {
  constructor(
    private readonly config: MessagesConfig,
    private readonly policy: DeliveryPolicy,
  ) {}

  compose(
    request: DeliveryRequest,
    to: string,
    deliveryId: string,
    now = Date.now(),
  ): ComposedMessage {
    const { channel, code, locale } = request;
    const base = { to, channel, code, locale, deliveryId };
    const own = this.fromTemplate(request, now);
    const okta = request.text ?? this.policy.defaultSmsTemplate.split('{code}').join(code);
    if (channel === 'voice') {
      return {
        message: own === undefined ? { ...base, text: okta } : { ...base, text: okta, speech: own },
      };
    }
    const body = own ?? okta;
    if (this.config.encoding === 'keep') {
      return { message: { ...base, text: withAutofillLines(body, code, this.config) } };
    }
    const sent = toGsm7(body, locale) ?? body;
    return {
      message: { ...base, text: withAutofillLines(sent, code, this.config) },
      beforeTransliteration: withAutofillLines(body, code, this.config),
    };
  }

  /** The first matching template whose placeholders all have a value for this request. */
  private fromTemplate(request: DeliveryRequest, now: number): string | undefined {
    const templates = matchingTemplates(this.config.templates, request);
    if (templates.length === 0) return undefined;
    const firstName = this.config.allowPersonalData ? request.firstName : undefined;
    const values = placeholderValues({ ...request, firstName }, request.channel, now);
    for (const template of templates) {
      const text = fillTemplate(template[request.channel] ?? '', values);
      if (text !== undefined) return text;
    }
    return undefined;
  }
}
