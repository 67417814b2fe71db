/**
 * 8x8 wire types. Sources: 8x8's official API descriptions in 8x8Cloud/public-developer-docs @
 * 859e59a (`docs_oas/connect/sms_api.json`: `SmsRequest`, `SmsResponse`, servers;
 * `docs_oas/connect/voice_v1_api.json`: the callflows operation and its answers) and its guides
 * there (`docs/connect/docs/`: delivery-receipts-for-outbound-sms, message-status-references,
 * api-error-codes, voice/voice-messaging/voice-messaging-guide and session-status,
 * voice/error-codes/voice-status-codes, okta-bring-your-own-telephony-byot-via-voice-otp).
 */

/** `POST /api/v1/subaccounts/{subAccountId}/messages` body. */
export interface EightByEightSmsRequest {
  destination: string;
  text: string;
  source?: string;
  clientMessageId: string;
  encoding: 'AUTO';
}

/** The answer to a send: `umid` and a status of `QUEUED` or `REJECTED`. */
export interface EightByEightSmsResponse {
  umid?: unknown;
  status?: { code?: unknown; description?: unknown };
}

/** Every SMS API error answer (HTTP 400 and above): `{code, message, errorId, timestamp}`. */
export interface EightByEightErrorBody {
  code?: unknown;
  message?: unknown;
}

/** `POST /api/v1/subaccounts/{subAccountId}/callflows` body: call, say, hang up. */
export interface EightByEightCallflow {
  callflow: [
    { action: 'makeCall'; params: { source: string; destination: string } },
    {
      action: 'say';
      params: { text: string; voiceProfile: string; repetition: number; speed: number };
    },
    { action: 'hangup' },
  ];
}

/** The callflows answer: `CREATED` with a `sessionId`, or `NOT_CREATED` with a `statusCode`. */
export interface EightByEightCallflowResponse {
  sessionId?: unknown;
  sessionStatus?: unknown;
  statusCode?: unknown;
  statusMessage?: unknown;
}

/** Webhook envelope (webhook-object-structure): SMS receipts and voice session summaries. */
export interface EightByEightWebhook {
  namespace?: unknown;
  eventType?: unknown;
  payload?: Record<string, unknown>;
}
