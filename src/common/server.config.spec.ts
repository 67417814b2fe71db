import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ServerConfig } from './server.config';

const problems = (fields: Record<string, unknown>) =>
  validateSync(plainToInstance(ServerConfig, fields)).flatMap((e) =>
    Object.values(e.constraints ?? {}),
  );

describe(ServerConfig.name, () => {
  it('should default to timeouts of a few seconds and a per-address cap', () => {
    const sut = new ServerConfig();

    expect([
      sut.headersTimeoutMs,
      sut.requestTimeoutMs,
      sut.connectionTimeoutMs,
      sut.maxConnectionsPerIp,
    ]).toEqual([5000, 15_000, 10_000, 256]);
    expect(problems({})).toEqual([]);
  });

  it('should refuse a request timeout below the headers timeout, and one that could cut Okta', () => {
    expect(
      problems({ headersTimeoutMs: 8000, requestTimeoutMs: 4000, connectionTimeoutMs: 2500 }),
    ).toEqual([
      'requestTimeoutMs must not be below headersTimeoutMs',
      'connectionTimeoutMs must be an integer from 3000 to 600000',
    ]);
  });
});
