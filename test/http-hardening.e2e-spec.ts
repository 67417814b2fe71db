import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import request from 'supertest';
import { SECURITY_HEADERS } from '../src/common/http-hardening';
import { ShutdownState } from '../src/health/shutdown.state';
import {
  FakeSinch,
  SINCH_CALLBACK_SECRET,
  sinchDeliveryReport,
  sinchProvider,
} from './support/fakes/sinch.fake';
import { Gateway, HOOK_SECRET, startGateway, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';

const LIMIT = 4096;
const ADMIN = 'admin-token-for-header-tests-01';
const TOO_LARGE = { error: { errorSummary: 'Request body is too large', errorCauses: [] } };

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Security headers on every kind of response, no banner, and the body limit on every route. */
describe('HTTP hardening (e2e)', () => {
  let sinch: FakeSinch;
  let gateway: Gateway;

  beforeAll(async () => {
    sinch = await FakeSinch.start();
    gateway = await startGateway(
      testConfig({
        server: { port: 0, bodyLimitBytes: LIMIT, publicUrl: 'https://otp.example.com' },
        // sinch-a is in no route: its receipts are still taken (built on the first one).
        providers: {
          c: { type: 'console' },
          'sinch-a': sinchProvider(sinch, { callbackSecret: SINCH_CALLBACK_SECRET }),
        },
        routing: { default: ['c'] },
        admin: { tokens: [ADMIN] },
      }),
    );
  });

  afterAll(async () => {
    await gateway.close();
    await sinch.close();
  });

  const hook = () => request(gateway.url).post('/hooks/okta/telephony');
  const report = sinchDeliveryReport('01HF0000000000000000000001', 'Delivered');
  const forged = sinchDeliveryReport('01HF-FORGED', 'Failed', 'guessed-secret');

  /** Every kind of answer the service gives, with the status it must have. */
  const kinds: [string, () => request.Test, number][] = [
    ['a sent hook', () => hook().set('authorization', HOOK_SECRET).send(hookRequest()), 200],
    ['a refused secret', () => hook().set('authorization', 'wrong').send(hookRequest()), 401],
    ['an invalid hook body', () => hook().set('authorization', HOOK_SECRET).send({}), 400],
    [
      'a body over the limit',
      () =>
        hook()
          .set('authorization', HOOK_SECRET)
          .send({ pad: 'x'.repeat(LIMIT) }),
      413,
    ],
    [
      'a body that is not JSON',
      () => hook().set('authorization', HOOK_SECRET).set('content-type', 'text/xml').send('<a/>'),
      415,
    ],
    ['an unknown route', () => request(gateway.url).get('/nope'), 404],
    ['a method no route has', () => request(gateway.url).options('/hooks/okta/telephony'), 404],
    ['liveness', () => request(gateway.url).get('/health/live'), 200],
    ['liveness, HEAD', () => request(gateway.url).head('/health/live'), 200],
    ['readiness', () => request(gateway.url).get('/health/ready'), 200],
    ['a scrape', () => request(gateway.url).get('/metrics'), 200],
    ['a record lookup without a token', () => request(gateway.url).get('/deliveries/x'), 401],
    [
      'a record lookup of an unknown id',
      () => request(gateway.url).get('/deliveries/x').set('authorization', `Bearer ${ADMIN}`),
      404,
    ],
    [
      'a signed delivery report',
      () =>
        request(gateway.url)
          .post('/callbacks/sinch-a/status')
          .set(report.headers)
          .send(report.body),
      200,
    ],
    [
      'a forged delivery report',
      () =>
        request(gateway.url)
          .post('/callbacks/sinch-a/status')
          .set(forged.headers)
          .send(forged.body),
      403,
    ],
    ['a URL that cannot be decoded', () => request(gateway.url).get('/%E0%A4%A'), 400],
  ];

  it.each(kinds)(
    'should send the security headers and no banner on %s',
    async (_kind, send, status) => {
      const res = await send();

      expect(res.status).toBe(status);
      expectHardened(res.headers);
    },
  );

  it('should answer a connection that does not speak HTTP in the same way', async () => {
    const answer = await rawExchange('NOT HTTP AT ALL\r\n\r\n');

    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    const headers = Object.fromEntries(
      answer
        .split('\r\n\r\n')[0]
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(': ') as [string, string]),
    );
    expectHardened(headers);
    expect(JSON.parse(answer.split('\r\n\r\n')[1])).toEqual({
      error: { errorSummary: 'Not a valid HTTP request', errorCauses: [] },
    });
  });

  it('should send the headers on a failing readiness while draining', async () => {
    const draining = await startGateway(
      testConfig({ providers: { c: { type: 'console' } }, routing: { default: ['c'] } }),
    );
    try {
      draining.app.get(ShutdownState).begin();

      const res = await draining.http().get('/health/ready').expect(503);

      expectHardened(res.headers);
    } finally {
      await draining.close();
    }
  });

  describe('body limit', () => {
    it('should accept a hook body of exactly server.bodyLimitBytes', async () => {
      const body = hookRequest();
      const room = LIMIT - Buffer.byteLength(JSON.stringify({ ...body, pad: '' }));
      const exact = JSON.stringify({ ...body, pad: 'x'.repeat(room) });

      expect(Buffer.byteLength(exact)).toBe(LIMIT);
      await hook()
        .set('authorization', HOOK_SECRET)
        .set('content-type', 'application/json')
        .send(exact)
        .expect(200);
    });

    it.each([
      ['the hook, JSON', 'POST', '/hooks/okta/telephony', 'application/json'],
      [
        'a callback, form',
        'POST',
        '/callbacks/sinch-a/status',
        'application/x-www-form-urlencoded',
      ],
      ['a callback, JSON', 'POST', '/callbacks/sinch-a/status', 'application/json'],
      ['readiness, whose GET reads no body', 'GET', '/health/ready', 'application/json'],
      ['the records, whose GET reads no body', 'GET', '/deliveries/x', 'application/json'],
      ['an unknown route', 'POST', '/nope', 'application/json'],
    ])(
      'should answer 413 in Okta’s shape one byte over the limit: %s',
      async (_name, method, path, type) => {
        const answer = await send(method, path, type, 'a='.padEnd(LIMIT + 1, 'x'), false);

        expect({ status: answer.status, body: JSON.parse(answer.body) }).toEqual({
          status: 413,
          body: TOO_LARGE,
        });
        expectHardened(answer.headers);
      },
    );

    it.each([
      ['the hook', '/hooks/okta/telephony', 'application/json'],
      ['a callback', '/callbacks/sinch-a/status', 'application/x-www-form-urlencoded'],
    ])('should answer 413 to a chunked body without a length: %s', async (_name, path, type) => {
      // Valid so far as its type goes, so that only its length is wrong.
      const start = type === 'application/json' ? '["' : 'a=';
      const answer = await send('POST', path, type, start.padEnd(LIMIT * 2, 'x'), true);

      expect({ status: answer.status, body: JSON.parse(answer.body) }).toEqual({
        status: 413,
        body: TOO_LARGE,
      });
    });
  });

  function send(
    method: string,
    path: string,
    type: string,
    body: string,
    chunked: boolean,
  ): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const { hostname, port } = new URL(gateway.url);
      // The hook's secret, so that the hook gets past authentication to the body's size.
      const auth = { authorization: HOOK_SECRET, 'content-type': type };
      const headers = chunked
        ? { ...auth, 'transfer-encoding': 'chunked' }
        : { ...auth, 'content-length': String(Buffer.byteLength(body)) };
      const req = httpRequest({ hostname, port, method, path, headers }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        );
      });
      req.on('error', reject);
      if (chunked) req.write(body.slice(0, 100));
      req.end(chunked ? body.slice(100) : body);
    });
  }

  function rawExchange(text: string): Promise<string> {
    const { hostname, port } = new URL(gateway.url);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.write(text));
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
    });
  }
});

function expectHardened(headers: Record<string, string | string[] | undefined>): void {
  // Terminus writes its own `no-cache, no-store, must-revalidate` on the health routes.
  const exact = Object.entries(SECURITY_HEADERS).filter(([name]) => name !== 'cache-control');
  expect(headers).toMatchObject(Object.fromEntries(exact));
  expect(headers['cache-control']).toMatch(/(^|, )no-store(,|$)/);
  expect(headers['x-powered-by']).toBeUndefined();
  expect(headers.server).toBeUndefined();
}
