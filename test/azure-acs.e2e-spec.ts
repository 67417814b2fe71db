import {
  AZURE_ACCESS_KEY,
  AZURE_CALLBACK_SECRET,
  AZURE_FROM,
  azureMessageId,
  azureProvider,
  azureRecipientRefused,
  azureRestError,
  eventGridDeliveryReport,
  eventGridUrl,
  eventGridValidation,
  FakeAzureSms,
} from './support/fakes/azure-sms.fake';
import { hookRequest } from './support/okta';
import { CallbackPost, describeVendor } from './support/vendor-contract';
import { receiptLog } from './support/vendor-e2e';

const MESSAGE_ID = 'Outgoing_202611221235018813a09b-0cbf-4304-9b03-1546683bb910';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describeVendor(
  {
    vendor: 'Azure Communication Services',
    ids: ['azure-a', 'azure-b'],
    start: () => FakeAzureSms.start(),
    provider: (fake, role) =>
      azureProvider(fake, {
        timeoutMs: 1000,
        ...(role === 'primary' ? { callbackSecret: AZURE_CALLBACK_SECRET } : {}),
      }),
    gateway: { publicUrl: true },
    sms: {
      sent: (fake) => ({ path: fake.requests[0].url, body: fake.json() }),
      expected: {
        path: '/sms?api-version=2021-03-07',
        body: {
          from: AZURE_FROM,
          smsRecipients: [
            {
              to: '+14155552671',
              repeatabilityRequestId: expect.stringMatching(UUID),
              repeatabilityFirstSent: expect.stringMatching(/ GMT$/),
            },
          ],
          message: 'Acme code: 480213',
          smsSendOptions: { enableDeliveryReport: true, tag: expect.stringMatching(UUID) },
        },
      },
      transactionId: azureMessageId(1),
    },
    notFailedOver: [
      [
        'the resource refuses the number',
        () => azureRecipientRefused(400, 'Invalid To phone number format.'),
        'invalid-recipient',
        'Azure Communication Services rejected the recipient (recipient status 400)',
      ],
    ],
    failedOver: [
      ['a 500', () => azureRestError(500, 'InternalServerError'), 'transient'],
      ['a 429', () => azureRestError(429, 'TooManyRequests'), 'rate-limited'],
      ['a refused access key', () => azureRestError(401, 'Denied'), 'vendor-config'],
      [
        'a recipient refused for throttling',
        () => azureRecipientRefused(429, 'Throttled'),
        'rate-limited',
      ],
    ],
    withoutVendorId: [
      [
        'a recipient accepted without a messageId',
        () => ({
          status: 202,
          body: {
            value: [
              {
                to: '+14155552671',
                httpStatusCode: 202,
                repeatabilityResult: 'accepted',
                successful: true,
              },
            ],
          },
        }),
        'Azure Communication Services answered without a messageId',
      ],
      [
        'a 202 without a result',
        () => ({ status: 202, body: { value: [] } }),
        'Azure Communication Services answered without a result',
      ],
    ],
    receipts: {
      signed: (callback) =>
        eventGridDeliveryReport(eventGridUrl(callback('azure-a')), MESSAGE_ID, 'Delivered'),
      transactionId: MESSAGE_ID,
      logged: {
        status: 'delivered',
        vendorStatus: 'Delivered',
        occurredAt: '2026-11-22T12:35:01.285Z',
      },
      refused: [
        [
          'another token',
          (callback) =>
            eventGridDeliveryReport(
              eventGridUrl(callback('azure-a'), 'a-guessed-token-0123'),
              'Outgoing_forged',
              'Delivered',
            ),
        ],
        [
          'no token',
          (callback) =>
            eventGridDeliveryReport(callback('azure-a'), 'Outgoing_unsigned', 'Delivered'),
        ],
        [
          'the token, for the provider that configured none',
          (callback) =>
            eventGridDeliveryReport(eventGridUrl(callback('azure-b')), 'Outgoing_b', 'Delivered'),
        ],
      ],
    },
    secrets: [AZURE_ACCESS_KEY, AZURE_CALLBACK_SECRET],
  },
  (azure) => {
    const post = (callback: CallbackPost) => {
      const url = new URL(callback.url);
      return azure.gateway
        .http()
        .post(url.pathname + url.search)
        .set(callback.headers ?? {})
        .send(callback.body as object);
    };
    const local = (id: string) => `https://otp.example.test/callbacks/${id}/status`;

    it("should answer Event Grid's subscription validation with its code, only with the token", async () => {
      const res = await post(
        eventGridValidation(eventGridUrl(local('azure-a')), 'VALIDATION-CODE-0123'),
      ).expect(200);

      expect(res.body).toEqual({ validationResponse: 'VALIDATION-CODE-0123' });
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      await post(eventGridValidation(local('azure-a'), 'VALIDATION-CODE-0123')).expect(403);
    });

    it('should accept the secret as a Bearer Authorization header, and record a failed delivery', async () => {
      const report = eventGridDeliveryReport(local('azure-a'), 'Outgoing_failed_0001', 'Failed');

      await post({
        ...report,
        headers: { ...report.headers, authorization: `Bearer ${AZURE_CALLBACK_SECRET}` },
      }).expect(200);

      expect(receiptLog(azure.gateway, 'Outgoing_failed_0001')).toMatchObject({
        provider: 'azure-a',
        status: 'undelivered',
        vendorStatus: 'Failed',
      });
    });

    it('should ask for no delivery report where Event Grid cannot authenticate (no callbackSecret)', async () => {
      azure.primary.script(() => azureRestError(503, 'ServiceUnavailable'));

      await azure.gateway.hook(hookRequest()).expect(200);

      expect((azure.backup.json() as { smsSendOptions: unknown }).smsSendOptions).toEqual({
        enableDeliveryReport: false,
      });
    });
  },
);
