import { Server } from 'node:net';
import { Gateway, startGateway, testConfig } from './support/gateway';
import { RawClient } from './support/raw-socket';

const HEADERS_TIMEOUT_MS = 1000;
const REQUEST_TIMEOUT_MS = 2000;
const CONNECTION_TIMEOUT_MS = 3000;
const PER_IP = 4;
/** Node checks the header and request timeouts once a second. */
const CHECK_MS = 1000;
const TIMEOUT_ANSWER = {
  error: { errorSummary: 'The request took too long to arrive', errorCauses: [] },
};

/** Headers long enough that one byte a second never finishes them during a test. */
const SLOW_HEADERS = `GET /health/live HTTP/1.1\r\nhost: x\r\nx-pad: ${'a'.repeat(100)}\r\n\r\n`;

const bodyOf = (text: string): unknown => JSON.parse(text.split('\r\n\r\n')[1]);

/** Slow-loris and friends, with real sockets: server.* timeouts and the per-address cap. */
describe('slow and greedy clients (e2e)', () => {
  let gateway: Gateway;
  const clients: RawClient[] = [];

  const open = (): RawClient => {
    const client = new RawClient(gateway.url);
    clients.push(client);
    return client;
  };
  const openConnections = () =>
    new Promise<number>((resolve, reject) =>
      (gateway.app.getHttpServer() as Server).getConnections((error, count) =>
        error ? reject(error) : resolve(count),
      ),
    );

  beforeAll(async () => {
    gateway = await startGateway(
      testConfig({
        server: {
          port: 0,
          headersTimeoutMs: HEADERS_TIMEOUT_MS,
          requestTimeoutMs: REQUEST_TIMEOUT_MS,
          connectionTimeoutMs: CONNECTION_TIMEOUT_MS,
          maxConnectionsPerIp: PER_IP,
        },
        providers: { c: { type: 'console' } },
        routing: { default: ['c'] },
      }),
    );
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (let i = 0; i < 100 && (await openConnections()) > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });

  afterAll(() => gateway.close());

  it('should answer 408 and close connections that send their headers one byte a second, and serve others meanwhile', async () => {
    const slow = [open(), open(), open()];
    for (const client of slow) void client.trickle(SLOW_HEADERS, 1000);

    const served = await gateway.http().get('/health/live');
    const answers = await Promise.all(slow.map((client) => client.closed));

    expect(served.status).toBe(200);
    for (const answer of answers) {
      expect(answer.status).toBe(408);
      expect(bodyOf(answer.text)).toEqual(TIMEOUT_ANSWER);
      expect(answer.closedAfterMs).toBeLessThan(HEADERS_TIMEOUT_MS + CHECK_MS + 1500);
    }
  }, 15_000);

  it('should answer 408 and close a connection whose body arrives one byte a second', async () => {
    const client = open();
    client.write(
      'POST /callbacks/c/status HTTP/1.1\r\nhost: x\r\n' +
        'content-type: application/x-www-form-urlencoded\r\ncontent-length: 100\r\n\r\n',
    );
    void client.trickle('a'.repeat(100), 1000);

    const answer = await client.closed;

    expect(answer.status).toBe(408);
    expect(answer.closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + CHECK_MS + 1500);
  }, 15_000);

  it('should answer 408 and close a connection that sends nothing', async () => {
    const client = open();
    await client.connected;

    const answer = await client.closed;

    expect([answer.status, bodyOf(answer.text)]).toEqual([408, TIMEOUT_ANSWER]);
    expect(answer.closedAfterMs).toBeLessThan(HEADERS_TIMEOUT_MS + CHECK_MS + 1500);
  }, 15_000);

  it('should give the server the configured timeouts', () => {
    const server = gateway.app.getHttpServer();

    expect({
      headersTimeout: server.headersTimeout,
      requestTimeout: server.requestTimeout,
      timeout: server.timeout,
    }).toEqual({
      headersTimeout: HEADERS_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      timeout: CONNECTION_TIMEOUT_MS,
    });
  });

  it(`should close the connection over ${PER_IP} from one address at once, and log it`, async () => {
    const slow = Array.from({ length: PER_IP }, () => open());
    for (const client of slow) void client.trickle(SLOW_HEADERS, 200);
    for (let i = 0; i < 200 && (await openConnections()) < PER_IP; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }

    const extra = await open().closed;

    expect(extra).toMatchObject({ text: '', status: 0 });
    expect(slow.map((client) => client.isOpen)).toEqual(slow.map(() => true));
    expect(
      await gateway.logs.waitFor((e) => e.msg === 'connection refused: too many from one address'),
    ).toMatchObject({ level: 40, clientIp: '127.0.0.1', limit: PER_IP, count: 1 });
    for (const client of slow) client.destroy();
    for (let i = 0; i < 200 && (await openConnections()) > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect((await gateway.http().get('/health/live')).status).toBe(200);
  }, 15_000);
});
