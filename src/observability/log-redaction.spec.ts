import { REDACTED, redactLogFields, redactLogMessage } from './log-redaction';

describe(redactLogFields.name, () => {
  it('should mask phone numbers under every phone field name, as strings or numbers', () => {
    expect(
      redactLogFields({
        to: '+447400123456',
        phone: 14155552671,
        phoneNumber: '+14155552671',
        msisdn: '447400123456',
        recipient: { nested: true },
      }),
    ).toEqual({
      to: '+44********56',
      phone: '+1********71',
      phoneNumber: '+1********71',
      msisdn: '+44********56',
      recipient: REDACTED,
    });
  });

  it('should keep a number that is already masked, and mask anything unreadable entirely', () => {
    expect(redactLogFields({ to: '+1********71', phone: '12' })).toEqual({
      to: '+1********71',
      phone: '+****',
    });
  });

  it('should hide codes, message text, credentials and headers at any depth, in any case', () => {
    const fields = {
      code: '480213',
      request: {
        OtpCode: 480213,
        msgTemplate: 'Your code is 480213',
        headers: { authorization: 'Basic c2VjcmV0' },
      },
      attempts: [{ providerId: 'a', text: 'Your code is 480213', Authorization: 'Bearer x' }],
      auth: { token: 'eyJ...', accessToken: 'a', apiKey: 'k', password: 'p', authToken: 't' },
    };

    expect(redactLogFields(fields)).toEqual({
      code: REDACTED,
      request: { OtpCode: REDACTED, msgTemplate: REDACTED, headers: REDACTED },
      attempts: [{ providerId: 'a', text: REDACTED, Authorization: REDACTED }],
      auth: {
        token: REDACTED,
        accessToken: REDACTED,
        apiKey: REDACTED,
        password: REDACTED,
        authToken: REDACTED,
      },
    });
  });

  it('should scrub digits from error text we did not write, errors included', () => {
    const error = new TypeError('vendor said: +1 415 555 2671 rejected code 480213');

    const redacted = redactLogFields({ problem: 'ECONN to 4155552671', err: error, error: 'x' });

    expect(redacted).toEqual({
      problem: 'ECONN to [redacted]',
      err: {
        type: 'TypeError',
        message: 'vendor said: [redacted] rejected code [redacted]',
        stack: expect.stringMatching(/^TypeError: vendor said: \[redacted] rejected code/),
      },
      error: 'x',
    });
  });

  it('should leave other fields alone and never modify the caller’s objects', () => {
    const attempts = [{ providerId: 'a', outcome: 'sent', latencyMs: 120, reason: 'HTTP 503' }];
    const plain = { deliveryId: 'd-1', attempts, at: new Date(0) };
    const withSecret = { deliveryId: 'd-1', nested: { code: '480213' } };

    expect(redactLogFields(plain)).toBe(plain);
    expect(redactLogFields(withSecret)).toEqual({ deliveryId: 'd-1', nested: { code: REDACTED } });
    expect(withSecret.nested.code).toBe('480213');
  });

  it('should replace what is nested too deep to walk, and binary data', () => {
    const deep = { a: { b: { c: { d: { e: { f: { code: '1' } } } } } } };

    expect(redactLogFields({ deep, raw: Buffer.from('480213') })).toEqual({
      deep: { a: { b: { c: { d: { e: '[too deep]' } } } } },
      raw: REDACTED,
    });
  });
});

describe(redactLogMessage.name, () => {
  it('should hide runs of four digits or more in a message string', () => {
    expect(redactLogMessage('sent 480213 to +1 415-555-2671 in 12 ms')).toBe(
      'sent [redacted] to [redacted] in 12 ms',
    );
  });
});
