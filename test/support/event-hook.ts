import { eventually } from './eventually';
import { FakeTwilio, twilioProvider } from './fakes/twilio.fake';
import { Gateway, startGateway, testConfig } from './gateway';
import { EVENT_HOOK_SECRET, Json } from './okta-events';

export const ADMIN_TOKEN = 'admin-token-0123456789abcdef';
/** Headers sent with each event delivery, besides the secret (the record keeps allow-listed ones). */
export const OKTA_HEADERS = { accept: 'application/json', 'user-agent': 'Okta-Integrations' };

/** One entry of a record's `history`: a receipt or an Okta event. */
export interface HistoryEntry {
  readonly kind: string;
  readonly uuid?: string;
  readonly status?: string;
  readonly vendorStatus?: string;
  readonly applied?: boolean;
  readonly event?: Json;
  readonly [field: string]: unknown;
}

/** `GET /deliveries/:id` as support staff see it. */
export interface DeliveryView {
  readonly status: string;
  readonly statusAt: string;
  readonly history: HistoryEntry[];
}

/** A test config with the event hook secret and an admin token; `sections` as for testConfig. */
export function eventHookConfig(sections: Record<string, unknown>): Record<string, unknown> {
  return testConfig({
    events: { auth: { headers: [{ name: 'authorization', secrets: [EVENT_HOOK_SECRET] }] } },
    admin: { tokens: [ADMIN_TOKEN] },
    ...sections,
  });
}

/** What Okta and support staff do against a gateway under test. */
export class OktaAndSupport {
  constructor(private readonly gateway: Gateway) {}

  /** POST /hooks/okta/events, with the event hook secret unless told otherwise (null: none). */
  postEvents(body: unknown, secret: string | null = EVENT_HOOK_SECRET) {
    const req = this.gateway.http().post('/hooks/okta/events').set(OKTA_HEADERS);
    return (secret === null ? req : req.set('authorization', secret)).send(body as object);
  }

  /** Sends an OTP through the telephony hook and returns the transaction id Okta got. */
  async deliver(hookBody: Record<string, unknown>): Promise<string> {
    const res = await this.gateway.hook(hookBody).expect(200);
    return (res.body as { commands: { value: { transactionId: string }[] }[] }).commands[0].value[0]
      .transactionId;
  }

  async record(id: string): Promise<DeliveryView> {
    const res = await this.gateway
      .http()
      .get(`/deliveries/${id}`)
      .set('authorization', `Bearer ${ADMIN_TOKEN}`)
      .expect(200);
    return res.body as DeliveryView;
  }

  /** The record once `count` Okta events are attached (they are processed after Okta's answer). */
  withEvents(id: string, count: number): Promise<DeliveryView> {
    return eventually(
      () => this.record(id),
      (r) => r.history.filter((e) => e.kind === 'okta-event').length >= count,
    );
  }
}

/** A gateway with the event hook, an admin token and one fake Twilio, for a whole spec file. */
export interface EventHookTestbed {
  readonly twilio: FakeTwilio;
  readonly gateway: Gateway;
  readonly okta: OktaAndSupport;
}

/**
 * Starts the testbed before the file's tests, checks the fake recorded no problem after each
 * (and resets its script), and stops it all after the file. Read the fields inside tests.
 */
export function eventHookTestbed(): EventHookTestbed {
  const bed = {} as { twilio: FakeTwilio; gateway: Gateway; okta: OktaAndSupport };
  beforeAll(async () => {
    bed.twilio = await FakeTwilio.start();
    bed.gateway = await startGateway(
      eventHookConfig({
        providers: {
          // Tests fail Twilio on purpose; breakers are tested on their own.
          tw: twilioProvider(bed.twilio, {
            circuitBreaker: { consecutiveFailures: 1000, cooldownMs: 100 },
          }),
        },
        routing: { default: ['tw'] },
      }),
    );
    bed.okta = new OktaAndSupport(bed.gateway);
  });
  afterEach(() => {
    expect(bed.twilio.problems).toEqual([]);
    bed.twilio.script();
  });
  afterAll(async () => {
    await bed.gateway.close();
    await bed.twilio.close();
  });
  return bed;
}
