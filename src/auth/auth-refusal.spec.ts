import { Logger } from '@nestjs/common';
import { AuthRefusal, AuthRefusalLog } from './auth-refusal';

const refusal = (reason: AuthRefusal['reason']): AuthRefusal => ({
  reason,
  route: 'POST /hooks/okta/telephony',
  clientIp: '203.0.113.7',
});

describe(AuthRefusalLog.name, () => {
  let now = 0;
  let warn: jest.SpyInstance;
  const sut = () => new AuthRefusalLog(() => now);

  beforeEach(() => {
    now = 1_000_000;
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  it('should write one line per reason per minute, the next one counting the refusals between', () => {
    const log = sut();
    for (let i = 0; i < 50; i++) log.refused(refusal('wrong secret'));
    log.refused(refusal('no credential'));
    now += 60_000;
    log.refused(refusal('wrong secret'));

    expect(warn.mock.calls).toEqual([
      [{ ...refusal('wrong secret'), count: 1 }, 'request refused: wrong secret'],
      [{ ...refusal('no credential'), count: 1 }, 'request refused: no credential'],
      [{ ...refusal('wrong secret'), count: 50 }, 'request refused: wrong secret'],
    ]);
  });
});
