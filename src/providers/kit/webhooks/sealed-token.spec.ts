import { SealedTokens } from './sealed-token';

describe(SealedTokens.name, () => {
  const now = 1_800_000_000_000;
  const sut = new SealedTokens('auth-token-0123', 'plivo answer_url');

  it('should open what it sealed, and reveal nothing of it in the token', () => {
    const token = sut.seal({ sentence: 'Your code is 4, 8, 2, 1.' }, 60_000, now);

    expect(sut.open(token, now + 59_999)).toEqual({ sentence: 'Your code is 4, 8, 2, 1.' });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(token, 'base64url').toString('latin1')).not.toContain('4, 8');
  });

  it('should give a different token each time for the same data', () => {
    expect(sut.seal('x', 1000, now)).not.toBe(sut.seal('x', 1000, now));
  });

  it('should refuse a token once it has expired', () => {
    const token = sut.seal('x', 60_000, now);

    expect(sut.open(token, now + 60_000)).toBeUndefined();
  });

  it('should refuse a token with any byte changed', () => {
    const raw = Buffer.from(sut.seal({ a: 1 }, 60_000, now), 'base64url');

    for (let i = 0; i < raw.length; i++) {
      const tampered = Buffer.from(raw);
      tampered[i] ^= 0x01;
      expect(sut.open(tampered.toString('base64url'), now)).toBeUndefined();
    }
  });

  it('should refuse a token sealed with another secret or for another purpose', () => {
    const other = new SealedTokens('auth-token-0124', 'plivo answer_url');
    const otherPurpose = new SealedTokens('auth-token-0123', 'telnyx client_state');

    expect(sut.open(other.seal('x', 60_000, now), now)).toBeUndefined();
    expect(sut.open(otherPurpose.seal('x', 60_000, now), now)).toBeUndefined();
  });

  it.each(['', 'not-a-token', 'AAAA', '%%%'])('should refuse the malformed token %j', (token) => {
    expect(sut.open(token, now)).toBeUndefined();
  });
});
