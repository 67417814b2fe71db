import { eventHookConfig } from './support/event-hook';
import { Gateway, HOOK_SECRET, startGateway } from './support/gateway';
import { oktaError } from './support/hostile';
import { hookRequest } from './support/okta';
import { EVENT_HOOK_SECRET } from './support/okta-events';
import { RawClient } from './support/raw-socket';

const EVENTS_LIMIT = 131_072;
const HOOK = '/hooks/okta/telephony';
const EVENTS = '/hooks/okta/events';
const INVALID = 'The request is not a valid Okta hook request';
const UNAUTHORIZED = oktaError('Authentication failed');
const NOT_JSON = oktaError('Request body must be application/json');

/**
 * Issue 22's request handling: Okta's two hooks check the credentials before the body, a form
 * gets 415, and malformed JSON a cause that says where.
 */
describe('request bodies on Okta’s hooks (e2e)', () => {
  let gateway: Gateway;

  const inject = (method: 'GET' | 'POST', url: string, headers = {}, payload?: string) =>
    gateway.app.inject({ method, url, headers, payload });

  beforeAll(async () => {
    gateway = await startGateway(
      eventHookConfig({
        events: {
          auth: { headers: [{ name: 'authorization', secrets: [EVENT_HOOK_SECRET] }] },
          bodyLimitBytes: EVENTS_LIMIT,
        },
        providers: { c: { type: 'console' } },
        routing: { default: ['c'] },
      }),
    );
  });

  afterAll(() => gateway.close());

  describe('authentication before parsing (issue 22)', () => {
    const bodies: [string, string, string][] = [
      ['malformed JSON', 'application/json', '{"data": '],
      ['JSON nested too deep', 'application/json', '['.repeat(10_000)],
      ['a form', 'application/x-www-form-urlencoded', 'a=1'],
      ['plain text', 'text/plain', 'hello'],
      ['a body over the limit', 'application/json', `[${'1,'.repeat(EVENTS_LIMIT)}1]`],
    ];

    it.each(
      bodies.flatMap(([name, type, body]) => [
        [HOOK, name, type, body],
        [EVENTS, name, type, body],
      ]),
    )('should answer 401 on %s to a wrong secret with %s', async (url, _name, type, body) => {
      const res = await inject(
        'POST',
        url,
        { authorization: 'wrong-secret', 'content-type': type },
        body,
      );

      expect({ status: res.statusCode, body: res.json() }).toEqual({
        status: 401,
        body: UNAUTHORIZED,
      });
    });

    it.each([HOOK, EVENTS])(
      'should answer 401 on %s before the body has arrived, so never parse it',
      async (url) => {
        const client = new RawClient(gateway.url);
        client.write(
          `POST ${url} HTTP/1.1\r\nhost: x\r\nauthorization: wrong-secret\r\n` +
            'content-type: application/json\r\ncontent-length: 1000\r\n\r\n{"data": ',
        );

        const answer = await client.received(/\r\n\r\n\{.*\}$/s);
        client.destroy();

        expect(answer).toMatch(/^HTTP\/1\.1 401 Unauthorized\r\n/);
        expect(JSON.parse(answer.split('\r\n\r\n')[1])).toEqual(UNAUTHORIZED);
      },
    );

    it.each([
      [HOOK, HOOK_SECRET],
      [EVENTS, EVENT_HOOK_SECRET],
    ])('should answer a form (curl -d) on %s with 415, as promised', async (url, secret) => {
      const res = await inject(
        'POST',
        url,
        { authorization: secret, 'content-type': 'application/x-www-form-urlencoded' },
        'phoneNumber=1',
      );

      expect({ status: res.statusCode, body: res.json() }).toEqual({ status: 415, body: NOT_JSON });
    });

    it.each([
      [HOOK, HOOK_SECRET],
      [EVENTS, EVENT_HOOK_SECRET],
    ])('should say where JSON on %s is malformed', async (url, secret) => {
      const res = await inject(
        'POST',
        url,
        { authorization: secret, 'content-type': 'application/json' },
        '{\n  "data": {\n    "x": 1,\n  }\n}',
      );

      expect({ status: res.statusCode, body: res.json() }).toEqual({
        status: 400,
        body: oktaError(
          INVALID,
          'the body is not valid JSON: expected a property name in double quotes, at line 4, column 3 (byte 28)',
        ),
      });
    });
  });

  describe('what the JSON parser takes', () => {
    it('should refuse a __proto__ property with 400, saying so', async () => {
      const body = JSON.stringify(hookRequest()).replace('{', '{"__proto__":{"admin":true},');

      const res = await inject(
        'POST',
        HOOK,
        { authorization: HOOK_SECRET, 'content-type': 'application/json' },
        body,
      );

      expect({ status: res.statusCode, body: res.json() }).toEqual({
        status: 400,
        body: oktaError(INVALID, 'the body has a __proto__ or constructor.prototype property'),
      });
    });

    it('should take a body that starts with a UTF-8 byte order mark', async () => {
      const body = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(JSON.stringify(hookRequest())),
      ]);

      const res = await gateway.app.inject({
        method: 'POST',
        url: HOOK,
        headers: { authorization: HOOK_SECRET, 'content-type': 'application/json' },
        payload: body,
      });

      expect(res.statusCode).toBe(200);
    });
  });
});
