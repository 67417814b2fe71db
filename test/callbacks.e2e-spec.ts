import { Gateway, startGateway, testConfig } from './support/gateway';

describe('vendor callbacks and metrics routes (e2e)', () => {
  let gateway: Gateway;

  beforeAll(async () => {
    gateway = await startGateway(
      testConfig({ providers: { c: { type: 'console' } }, routing: { default: ['c'] } }),
    );
  });

  afterAll(() => gateway.close());

  it.each([
    ['an unknown provider', '/callbacks/nope/status'],
    ['a provider whose vendor never calls back', '/callbacks/c/status'],
  ])('should answer 404 for %s', async (_name, path) => {
    const res = await gateway.http().post(path).type('form').send('a=1').expect(404);

    expect(res.body).toEqual({ error: { errorSummary: 'Not found', errorCauses: [] } });
  });

  it('should serve process metrics in the Prometheus text format', async () => {
    const res = await gateway.http().get('/metrics').expect(200);

    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.text).toContain('# TYPE process_cpu_user_seconds_total counter');
  });
});
