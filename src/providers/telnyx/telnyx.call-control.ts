import { Logger } from '@nestjs/common';
import { acceptedWith } from '../kit/http/accepted';
import { OtpMessage, SendResult } from '../telephony-provider';
import { text } from '../kit/webhooks/callback-params';
import { SealedTokens } from '../kit/webhooks/sealed-token';
import { openScript, sealScript } from '../kit/webhooks/sealed-script';
import { VoiceScript } from '../kit/voice/voice-script';
import { TelnyxApi } from './telnyx.api';
import { TelnyxConfig } from './telnyx.config';
import { telnyxDialBody, telnyxScript, telnyxSpeakBody } from './telnyx.requests';
import { TelnyxDialResponse, TelnyxEvent } from './telnyx.types';

/**
 * Telnyx Call Control, stateless across replicas: the dial carries the sealed script in
 * `client_state`; `call.answered` (from whichever replica gets it) opens it and speaks;
 * `call.speak.ended` hangs up. Events whose state we did not seal are left alone.
 */
export class TelnyxCallControl {
  private readonly voice: string;

  constructor(
    private readonly api: TelnyxApi,
    private readonly tokens: SealedTokens,
    private readonly config: TelnyxConfig,
    private readonly webhookUrl: string,
    private readonly logger: Logger,
  ) {
    this.voice = config.voice ?? 'female';
  }

  async dial(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    const script = telnyxScript(message);
    const body = telnyxDialBody(
      message,
      this.config,
      sealScript(this.tokens, script),
      this.webhookUrl,
    );
    const answer = await this.api.post<TelnyxDialResponse>('/v2/calls', body, signal);
    const callId = answer?.data?.call_control_id;
    return acceptedWith('Telnyx', 'call_control_id', callId, message);
  }

  /** Moves a call of ours one step on: speak when answered, hang up when the speech ended. */
  async onEvent(event: TelnyxEvent): Promise<void> {
    const callId = text(event.payload?.call_control_id);
    const script = this.scriptOf(event);
    if (!callId || !script) return;
    if (event.event_type === 'call.answered') {
      const spoken = await this.command(callId, 'speak', telnyxSpeakBody(script, this.voice));
      if (!spoken) await this.command(callId, 'hangup', { command_id: 'otg-hangup' });
    } else if (event.event_type === 'call.speak.ended' && event.payload?.status !== 'call_hangup') {
      await this.command(callId, 'hangup', { command_id: 'otg-hangup' });
    }
  }

  private scriptOf(event: TelnyxEvent): VoiceScript | undefined {
    const state = text(event.payload?.client_state);
    return state
      ? openScript(this.tokens, Buffer.from(state, 'base64').toString('utf8'))
      : undefined;
  }

  /** One call command; a failure is logged (the webhook is still acknowledged). */
  private async command(callId: string, action: string, body: unknown): Promise<boolean> {
    const path = `/v2/calls/${encodeURIComponent(callId)}/actions/${action}`;
    try {
      await this.api.post(path, body, AbortSignal.timeout(this.config.timeoutMs));
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unknown error';
      this.logger.warn({ action, reason }, 'Telnyx call command failed');
      return false;
    }
  }
}
