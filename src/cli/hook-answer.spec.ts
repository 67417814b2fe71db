import { delivered, judgeAnswer, judgeBody, verdictRows } from './hook-answer';

const answer = (status: string) => ({
  commands: [
    {
      type: 'com.okta.telephony.action',
      value: [{ status, provider: 'twilio-main', transactionId: 'SM1', transactionMetadata: 'm' }],
    },
  ],
});

describe(judgeAnswer.name, () => {
  it('should read a SUCCESSFUL answer as sent, with its details', () => {
    const sut = judgeAnswer(200, 120, answer('SUCCESSFUL'));

    expect(sut).toEqual({
      outcome: 'sent',
      summary: 'Okta accepts it: the code was sent.',
      status: 'SUCCESSFUL',
      provider: 'twilio-main',
      transactionId: 'SM1',
      transactionMetadata: 'm',
    });
    expect(delivered(sut)).toBe(true);
    expect(verdictRows(sut)).toEqual([
      ['status', 'SUCCESSFUL'],
      ['provider', 'twilio-main'],
      ['transactionId', 'SM1'],
      ['metadata', 'm'],
    ]);
  });

  it.each([
    ['PENDING', 'pending', true],
    ['FAILED', 'failed', false],
  ])('should read %s as %s', (status, outcome, ok) => {
    const sut = judgeAnswer(200, 10, answer(status));

    expect(sut.outcome).toBe(outcome);
    expect(delivered(sut)).toBe(ok);
  });

  it('should say Okta falls back on any status but 200, a late answer, an error object or a malformed body', () => {
    expect(judgeAnswer(401, 5, {}).summary).toBe(
      'HTTP 401: the gateway refused the hook credentials; Okta would send the code through its own providers.',
    );
    expect(judgeAnswer(503, 5, {}).summary).toBe(
      'HTTP 503: Okta would send the code through its own providers.',
    );
    expect(judgeAnswer(200, 3001, answer('SUCCESSFUL')).outcome).toBe('fallback');
    expect(judgeBody({ commands: [{ type: 'other', value: [{ status: 'SUCCESSFUL' }] }] })).toEqual(
      {
        outcome: 'fallback',
        summary: 'Malformed answer: Okta would send the code through its own providers.',
      },
    );
    expect(
      judgeBody({
        error: {
          errorSummary: 'No provider',
          errorCauses: [{ errorSummary: 'a: transient' }, { reason: 'b' }],
        },
      }),
    ).toEqual({
      outcome: 'fallback',
      summary: 'Error object: Okta would retry through its own providers.',
      errorSummary: 'No provider',
      errorCauses: ['a: transient', 'b'],
    });
  });
});
