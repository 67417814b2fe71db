import { ProviderErrorCode } from '../providers/provider-error';
import { toOktaResponse } from './okta-response';

const base = { deliveryId: 'd-1', channel: 'sms' as const, durationMs: 312 };

describe(toOktaResponse.name, () => {
  it('should answer SUCCESSFUL with the provider, the vendor id and what happened', () => {
    const response = toOktaResponse(
      {
        ...base,
        kind: 'sent',
        providerId: 'twilio-b',
        transactionId: 'SM123',
        attempts: [
          {
            providerId: 'twilio-a',
            outcome: ProviderErrorCode.Transient,
            latencyMs: 41,
            reason: 'Twilio failed (HTTP 503)',
          },
          { providerId: 'twilio-b', outcome: 'sent', latencyMs: 120 },
        ],
      },
      'failed',
    );

    expect(response).toEqual({
      commands: [
        {
          type: 'com.okta.telephony.action',
          value: [
            {
              status: 'SUCCESSFUL',
              provider: 'twilio-b',
              transactionId: 'SM123',
              transactionMetadata:
                'deliveryId=d-1; durationMs=312; attempts=twilio-a:transient(41ms: Twilio failed (HTTP 503)),twilio-b:sent(120ms)',
            },
          ],
        },
      ],
    });
  });

  it('should answer a block as FAILED with the rule, or as the error object when configured', () => {
    const blocked = {
      ...base,
      kind: 'blocked' as const,
      rule: 'country-deny',
      reason: 'destination country LV is denied',
      attempts: [],
    };

    expect(toOktaResponse(blocked, 'failed')).toEqual({
      commands: [
        {
          type: 'com.okta.telephony.action',
          value: [
            {
              status: 'FAILED',
              provider: 'okta-telephony-gateway',
              transactionId: 'd-1',
              transactionMetadata:
                'blocked=country-deny; why=destination country LV is denied; deliveryId=d-1; durationMs=312; attempts=none',
            },
          ],
        },
      ],
    });
    expect(toOktaResponse(blocked, 'error')).toEqual({
      error: {
        errorSummary: 'Failed to deliver SMS OTP',
        errorCauses: [
          {
            errorSummary: 'protection: destination country LV is denied',
            reason: 'destination country LV is denied',
            locationType: 'body',
            location: 'protection',
          },
        ],
      },
    });
  });

  it('should answer the error object naming each failed provider once when nobody could send', () => {
    const response = toOktaResponse(
      {
        ...base,
        channel: 'voice',
        kind: 'failed',
        cause: 'deadline',
        reason: 'every provider failed or was abandoned at its time limit',
        attempts: [
          {
            providerId: 'a',
            outcome: 'timeout',
            latencyMs: 1000,
            reason: 'no answer within 1000 ms, abandoned',
          },
          {
            providerId: 'b',
            outcome: ProviderErrorCode.Transient,
            latencyMs: 41,
            reason: 'Twilio failed (HTTP 503)',
          },
          { providerId: 'c', outcome: 'skipped', latencyMs: 0, reason: 'circuit open' },
        ],
      },
      'failed',
    );

    expect(response).toEqual({
      error: {
        errorSummary: 'Failed to deliver voice OTP',
        errorCauses: [
          {
            errorSummary: 'a: timeout after 1000 ms',
            reason: 'timeout after 1000 ms',
            locationType: 'body',
            location: 'a',
          },
          {
            errorSummary: 'b: transient after 41 ms: Twilio failed (HTTP 503)',
            reason: 'transient after 41 ms: Twilio failed (HTTP 503)',
            locationType: 'body',
            location: 'b',
          },
          {
            errorSummary: 'c: skipped: circuit open',
            reason: 'skipped: circuit open',
            locationType: 'body',
            location: 'c',
          },
          {
            errorSummary: 'delivery: every provider failed or was abandoned at its time limit',
            reason: 'every provider failed or was abandoned at its time limit',
            locationType: 'body',
            location: 'delivery',
          },
        ],
      },
    });
  });
});
