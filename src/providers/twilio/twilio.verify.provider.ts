import { Channel } from '../channel';
import { acceptedWith } from '../kit/http/accepted';
import { parseJson } from '../kit/http/classify-status';
import { postForm } from '../kit/http/post';
import { VendorHttpClient, VendorResponse } from '../kit/http/vendor-http.client';
import { text } from '../kit/webhooks/callback-params';
import { pickLanguage } from '../kit/voice/voice-script';
import { OtpMessage, SendResult, TelephonyProvider } from '../telephony-provider';
import { ReportsVerification } from '../verification-report';
import { TwilioConfig, twilioAuthorization } from './twilio.config';
import { twilioError } from './twilio.errors';
import { VERIFY_LOCALES, VerificationForm, VerificationResource } from './twilio.verify.types';

const NO_LOCALE = '';

/**
 * Twilio Verify with Okta's codes (`mode: verify`): `POST /v2/Services/{sid}/Verifications`
 * with `Channel` sms or call and `CustomCode`, so the customer's Verify Service applies Fraud
 * Guard, geo permissions and its templates. Okta gets the verification sid; once Okta reports
 * the code verified, the verification is marked `approved`, which custom codes require.
 */
export class TwilioVerifyProvider implements TelephonyProvider, ReportsVerification {
  readonly type = 'twilio';
  private readonly authorization: string;
  private readonly path: string;

  constructor(
    readonly id: string,
    readonly channels: readonly Channel[],
    private readonly config: TwilioConfig,
    private readonly http: VendorHttpClient,
  ) {
    this.authorization = twilioAuthorization(config);
    this.path = `/v2/Services/${config.verifyServiceSid ?? ''}/Verifications`;
  }

  get timeoutMs(): number {
    return this.config.timeoutMs;
  }

  async send(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    const response = await this.post(this.path, { ...this.verificationForm(message) }, signal);
    const body = parseJson(response.body) as VerificationResource | undefined;
    return acceptedWith('Twilio Verify', 'sid', text(body?.sid), message, text(body?.status));
  }

  /** Marks the verification approved: the feedback Verify needs for custom codes. */
  async reportVerified(transactionId: string, signal: AbortSignal): Promise<void> {
    const path = `${this.path}/${encodeURIComponent(transactionId)}`;
    await this.post(path, { Status: 'approved' }, signal);
  }

  /** Okta's code as `CustomCode`, the request's locale when Verify has it. */
  verificationForm(message: OtpMessage): VerificationForm {
    const form: VerificationForm = {
      To: message.to,
      Channel: message.channel === 'sms' ? 'sms' : 'call',
      CustomCode: message.code,
    };
    const locale = pickLanguage(message.locale, VERIFY_LOCALES, NO_LOCALE);
    if (locale !== NO_LOCALE) form.Locale = locale;
    return form;
  }

  close(): Promise<void> {
    return this.http.close();
  }

  private post(
    path: string,
    form: Record<string, string>,
    signal: AbortSignal,
  ): Promise<VendorResponse> {
    return postForm(
      this.http,
      { path, form, authorization: this.authorization, signal },
      twilioError,
    );
  }
}
