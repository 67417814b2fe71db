import { FakeTwilio, twilioProvider } from './fakes/twilio.fake';
import { Gateway, testConfig } from './gateway';
import { hookRequest } from './okta';

export const ADMIN_TOKEN = 'admin-token-0123456789abcdef';

/** One Twilio provider, the given `protection` section, an admin token; `extra` adds sections. */
export function protectedConfig(
  twilio: FakeTwilio,
  protection: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return testConfig({
    providers: { tw: twilioProvider(twilio) },
    routing: { default: ['tw'] },
    protection,
    admin: { tokens: [ADMIN_TOKEN] },
    ...extra,
  });
}

/** The one value of an Okta command answer. */
export interface OktaValue {
  readonly status: string;
  readonly transactionId: string;
  readonly transactionMetadata: string;
}

export function oktaValue(body: unknown): OktaValue {
  return (body as { commands: { value: OktaValue[] }[] }).commands[0].value[0];
}

/** The delivery id in an Okta command answer's transactionMetadata. */
export function deliveryIdOf(body: unknown): string {
  const metadata = oktaValue(body).transactionMetadata;
  const match = /deliveryId=([0-9a-f-]{36})/.exec(metadata);
  if (!match) throw new Error('the answer names no delivery id');
  return match[1];
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The answer to a delivery blocked by `rule` for `reason` with `onBlock: failed`. */
export function blockedAnswer(rule: string, reason: string, deliveryId: string): unknown {
  const metadata = `^blocked=${literal(rule)}; why=${literal(reason)}; deliveryId=${deliveryId}; durationMs=\\d+; attempts=none$`;
  return {
    commands: [
      {
        type: 'com.okta.telephony.action',
        value: [
          {
            status: 'FAILED',
            provider: 'okta-telephony-gateway',
            transactionId: deliveryId,
            transactionMetadata: expect.stringMatching(new RegExp(metadata)),
          },
        ],
      },
    ],
  };
}

/** The answer to a blocked SMS with `onBlock: error`. */
export function errorAnswer(reason: string): unknown {
  return {
    error: {
      errorSummary: 'Failed to deliver SMS OTP',
      errorCauses: [
        {
          errorSummary: `protection: ${reason}`,
          reason,
          locationType: 'body',
          location: 'protection',
        },
      ],
    },
  };
}

/** The `otg_protection_decisions_total` samples of the gateway's /metrics, in its order. */
export async function decisions(gateway: Gateway): Promise<string[]> {
  const res = await gateway.http().get('/metrics').expect(200);
  return res.text.split('\n').filter((line) => line.startsWith('otg_protection_decisions_total{'));
}

/** GET /deliveries/:id with the admin token. */
export async function record(gateway: Gateway, id: string): Promise<Record<string, unknown>> {
  const res = await gateway
    .http()
    .get(`/deliveries/${id}`)
    .set('authorization', `Bearer ${ADMIN_TOKEN}`)
    .expect(200);
  return res.body as Record<string, unknown>;
}

/** Okta's status for one hook call sending to `phoneNumber`. */
export async function sendStatus(gateway: Gateway, phoneNumber: string): Promise<string> {
  return oktaValue((await gateway.hook(hookRequest({ phoneNumber })).expect(200)).body).status;
}

/**
 * Two replicas sharing a store under `rateLimits: [{ key: 'phone', limit: 3, windowSeconds: 60 }]`:
 * three sends alternate between them and pass, the fourth is blocked on `b`, Twilio got three.
 * Returns the blocked delivery's id.
 */
export async function expectSharedPhoneLimit(
  a: Gateway,
  b: Gateway,
  twilio: FakeTwilio,
  phone: string,
): Promise<string> {
  const sent = [await sendStatus(a, phone), await sendStatus(b, phone), await sendStatus(a, phone)];
  const fourth = await b.hook(hookRequest({ phoneNumber: phone })).expect(200);

  expect(sent).toEqual(['SUCCESSFUL', 'SUCCESSFUL', 'SUCCESSFUL']);
  expect(fourth.body).toEqual(
    blockedAnswer(
      'rate-limit:phone:3/60s',
      'over 3 per 60 s for this phone number',
      deliveryIdOf(fourth.body),
    ),
  );
  expect(twilio.requests).toHaveLength(3);
  return deliveryIdOf(fourth.body);
}
