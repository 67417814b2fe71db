import request from 'supertest';
import { CliGateway, lines, otg, startCliGateway, tempConfig } from './support/cli';
import { HOOK_SECRET, testConfig } from './support/gateway';
import { hookRequest } from './support/okta';
import { oktaValue } from './support/protection';

// Each `otg` run is a new Node process: about a second, several on a loaded machine.
jest.setTimeout(60_000);

const ADMIN_TOKEN = 'admin-token-for-search-tests-0123';
const ANN = { userId: '00uANN00000000000001', login: 'ann.smith@example.com' };
const BOB = { userId: '00uBOB00000000000002', login: 'bob.jones@example.com' };
const US = '+14155552671';
const LV = '+37120123456';

interface Page {
  items: { transactionId: string }[];
  nextCursor: string | null;
}

/** Output lines cut into their cells (columns are two spaces apart or more). */
const cells = (text: string) => lines(text).map((line) => line.split(/\s{2,}/));
const CREATED: unknown = expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);

describe('otg deliveries search (e2e)', () => {
  let gateway: CliGateway;
  /** Ann's transaction ids, newest first. */
  let ann: string[];
  let bob: string;

  const send = async (who: typeof ANN, phoneNumber = US) => {
    const res = await request(gateway.url)
      .post('/hooks/okta/telephony')
      .set('authorization', HOOK_SECRET)
      .send(hookRequest({ ...who, phoneNumber, otpCode: '731904' }))
      .expect(200);
    return oktaValue(res.body).transactionId;
  };
  const search = (...args: string[]) =>
    otg(['deliveries', 'search', '--url', gateway.url, ...args], { OTG_ADMIN_TOKEN: ADMIN_TOKEN });
  const api = async (query: Record<string, string>) =>
    (
      await request(gateway.url)
        .get('/deliveries')
        .query(query)
        .set('authorization', `Bearer ${ADMIN_TOKEN}`)
        .expect(200)
    ).body as Page;
  const searchesServed = () =>
    gateway.logs.entries().filter((e) => e.msg === 'request completed' && e.route === '/deliveries')
      .length;

  beforeAll(async () => {
    gateway = await startCliGateway(
      testConfig({
        providers: { console: { type: 'console' } },
        routing: { default: ['console'] },
        protection: { countries: { deny: ['LV'] } },
        admin: { tokens: [ADMIN_TOKEN] },
      }),
    );
    const sent: string[] = [];
    for (const phone of [US, US, LV, US, US]) sent.push(await send(ANN, phone));
    ann = sent.reverse();
    bob = await send(BOB);
  });

  afterAll(async () => {
    await gateway.close();
  });

  it('should print a user’s deliveries newest first as a table, by login in any case, numbers masked', async () => {
    const run = await search('--user', ANN.login.toUpperCase());

    expect(run.code).toBe(0);
    const row = (tx: string): unknown[] => [
      CREATED,
      'queued',
      'sms US',
      '+1********71',
      'console',
      tx,
    ];
    expect(cells(run.stdout)).toEqual([
      ['CREATED', 'STATUS', 'CHANNEL', 'TO', 'PROVIDER', 'TRANSACTION ID', 'CAUSE'],
      row(ann[0]),
      row(ann[1]),
      [CREATED, 'blocked', 'sms LV', '+371******56', '-', ann[2], 'country-deny'],
      row(ann[3]),
      row(ann[4]),
      ['5 deliveries, newest first.'],
    ]);
    // Columns line up under the header.
    const [header, ...rows] = lines(run.stdout);
    for (const line of rows.slice(0, 5)) expect(line.indexOf('+')).toBe(header.indexOf('TO'));
    expect(run.stdout).not.toMatch(/4155552671|20123456|731904/);
  });

  it('should name each user when the search is across users, and print the API’s page with --json', async () => {
    const text = await search('--status', 'queued', '--provider', 'console', '--limit', '1');
    const json = await search('--user', ANN.userId, '--json');

    expect(text.code).toBe(0);
    const next = (await api({ status: 'queued', provider: 'console', limit: '1' })).nextCursor;
    expect(cells(text.stdout)).toEqual([
      ['CREATED', 'STATUS', 'CHANNEL', 'TO', 'PROVIDER', 'USER', 'TRANSACTION ID', 'CAUSE'],
      [CREATED, 'queued', 'sms US', '+1********71', 'console', BOB.login, bob],
      ['1 delivery, newest first.'],
      [`More: add --cursor ${next}, or --all for every page.`],
    ]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(await api({ user: ANN.userId }));
  });

  it('should follow nextCursor with --all, and stop at --max with a cursor that goes on exactly', async () => {
    const before = searchesServed();
    const all = await search('--user', ANN.login, '--limit', '2', '--all', '--json');
    const served = searchesServed() - before;
    const capped = await search('--user', ANN.login, '--limit', '2', '--all', '--max', '3');
    const cursor = /add --cursor (\S+) to go on\.$/.exec(lines(capped.stdout).at(-1)!)?.[1];
    const rest = await search('--user', ANN.login, '--all', '--cursor', cursor!, '--json');

    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toEqual({
      items: ann.map((tx): unknown => expect.objectContaining({ transactionId: tx })),
      nextCursor: null,
    });
    expect(served).toBe(3);
    expect(capped.code).toBe(0);
    expect(cells(capped.stdout).map((row) => row[5])).toEqual([
      'TRANSACTION ID',
      ...ann.slice(0, 3),
      undefined,
      undefined,
    ]);
    expect(lines(capped.stdout).slice(-2)).toEqual([
      '3 deliveries, newest first.',
      `Stopped at --max 3; more remain: add --cursor ${cursor} to go on.`,
    ]);
    expect((JSON.parse(rest.stdout) as Page).items.map((i) => i.transactionId)).toEqual(
      ann.slice(3),
    );
  });

  it('should name each wrong flag the gateway refuses, never its value, and exit 2', async () => {
    const one = await search('--user', ANN.login, '--limit', '0');
    const two = await search('--user', ANN.login, '--last4', '4155552671', '--status', 'lost');
    const json = await search('--from', 'yesterday', '--json');
    const max = await search('--all', '--max', 'lots');

    expect(one.code).toBe(2);
    expect(lines(one.stderr)).toEqual([
      '✖ The gateway refused the search (400):',
      '  --limit: must be an integer from 1 to 100',
    ]);
    expect(two.code).toBe(2);
    expect(lines(two.stderr)).toEqual([
      '✖ The gateway refused the search (400):',
      '  --last4: must be the last four digits of the number',
      '  --status: must be one of queued, sent, delivered, undelivered, failed, blocked',
    ]);
    expect(two.stderr).not.toContain('4155552671');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      error: {
        message:
          'The gateway refused the search (400):\n  --from: must be an ISO 8601 time, e.g. 2026-05-01T09:30:00Z',
      },
    });
    expect(max.code).toBe(2);
    expect(lines(max.stderr)).toEqual([
      "error: option '--max <n>' argument 'lots' is invalid. must be an integer from 1 to 10000.",
    ]);
  });

  it('should explain a missing admin token, a refused one and a gateway without admin tokens as deliveries get does', async () => {
    const consoleOnly = testConfig({
      providers: { c: { type: 'console' } },
      routing: { default: ['c'] },
    });
    const noTokens = tempConfig(consoleOnly);
    const closed = await startCliGateway(consoleOnly);
    try {
      const missing = await otg(['deliveries', 'search', '--config', noTokens.file]);
      const refused = await otg([
        'deliveries',
        'search',
        '--url',
        gateway.url,
        '--token',
        'wrong-admin-token-0123456789',
      ]);
      const none = await otg(['deliveries', 'search', '--url', closed.url, '--token', ADMIN_TOKEN]);

      expect(missing.code).toBe(2);
      expect(lines(missing.stderr)).toEqual([
        '✖ No admin token: admin.tokens is empty.',
        '  Give one with --token or OTG_ADMIN_TOKEN.',
      ]);
      expect(refused.code).toBe(1);
      expect(lines(refused.stderr)).toEqual([
        '✖ The gateway refused the admin token (401).',
        '  Give one of its admin.tokens with --token or OTG_ADMIN_TOKEN.',
      ]);
      expect(refused.stderr).not.toContain('wrong-admin-token');
      expect(none.code).toBe(1);
      expect(lines(none.stderr)).toEqual([
        '✖ The gateway has no admin API (404): its admin.tokens is empty.',
        '  Give the gateway an admin token in admin.tokens, then use it here.',
      ]);
    } finally {
      await closed.close();
      noTokens.remove();
    }
  });
});
