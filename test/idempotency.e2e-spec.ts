import { FakeTwilio, twilioProvider } from './support/fakes/twilio.fake';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';

describe('idempotency by Okta eventId, memory store (e2e)', () => {
  let twilio: FakeTwilio;
  let gateway: Gateway;

  beforeAll(async () => {
    twilio = await FakeTwilio.start();
    twilio.delayAnswers(150); // two requests sent together overlap
    gateway = await startGateway(
      testConfig({
        providers: { tw: twilioProvider(twilio) },
        routing: { default: ['tw'] },
      }),
    );
  });

  afterEach(() => {
    expect(twilio.problems).toEqual([]);
    twilio.server.requests.length = 0;
  });

  afterAll(async () => {
    await gateway.close();
    await twilio.close();
  });

  it('should send once for the same eventId twice at once, and give both the same answer', async () => {
    const body = hookRequest({ eventId: 'evt-twice-at-once' });

    const [first, second] = await Promise.all([
      gateway.hook(body).expect(200),
      gateway.hook(body).expect(200),
    ]);

    expect(twilio.requests).toHaveLength(1);
    expect(second.body).toEqual(first.body);
    expect(first.body.commands[0].value[0].status).toBe('SUCCESSFUL');
  });

  it('should answer a later duplicate with the recorded answer, without a send', async () => {
    const body = hookRequest({ eventId: 'evt-later' });
    const first = await gateway.hook(body).expect(200);

    const later = await gateway.hook(body).expect(200);

    expect(twilio.requests).toHaveLength(1);
    expect(later.body).toEqual(first.body);
  });

  it('should send once per eventId', async () => {
    await gateway.hook(hookRequest({ eventId: 'evt-one' })).expect(200);
    await gateway.hook(hookRequest({ eventId: 'evt-two' })).expect(200);

    expect(twilio.requests).toHaveLength(2);
  });

  it('should not deduplicate requests without an eventId', async () => {
    const body = hookRequest();
    delete body.eventId;

    await Promise.all([gateway.hook(body).expect(200), gateway.hook(body).expect(200)]);

    expect(twilio.requests).toHaveLength(2);
  });
});
