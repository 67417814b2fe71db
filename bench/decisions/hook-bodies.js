'use strict';
// Bodies and the route schema for decision 0002. The schema states what TelephonyHookRequestDto
// declares (src/hook/telephony-hook.dto.ts), as a Fastify route would.

const text = (maxLength) => ({ type: ['string', 'null'], ...(maxLength ? { maxLength } : {}) });
const stringOrNumber = (pattern) => ({
  anyOf: [
    { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
    { type: 'string', minLength: 1, maxLength: 32, pattern: pattern ?? '\\S' },
  ],
});
const optionalObject = (properties) => ({ type: ['object', 'null'], properties });

const HOOK_SCHEMA = {
  type: 'object',
  required: ['data'],
  properties: {
    eventId: text(128),
    requestType: text(),
    data: {
      type: 'object',
      required: ['messageProfile'],
      properties: {
        messageProfile: {
          type: 'object',
          required: ['phoneNumber', 'otpCode', 'deliveryChannel'],
          properties: {
            phoneNumber: stringOrNumber(),
            otpCode: stringOrNumber('^[0-9A-Za-z]+$'),
            deliveryChannel: { type: 'string', minLength: 1, maxLength: 32 },
            msgTemplate: text(2000),
            locale: text(35),
            otpExpires: text(),
            eventAction: text(),
          },
        },
        userProfile: optionalObject({ userId: text(), login: text(), firstName: text(), lastName: text() }),
        context: optionalObject({ request: optionalObject({ id: text(), ipAddress: text() }) }),
      },
    },
  },
};

const okta = (profile = {}, extra = {}) => ({
  eventId: 'evt-0123456789',
  eventTime: '2026-11-22T21:43:40.000Z',
  eventType: 'com.okta.telephony.provider',
  eventTypeVersion: '1.0',
  contentType: 'application/json',
  cloudEventVersion: '0.1',
  source: 'https://example.okta.com/api/v1/inlineHooks/calz6lVQA77AwFeEe0g3',
  requestType: 'com.okta.user.telephony.mfa-verification',
  data: {
    context: { request: { id: 'reqXYZ', method: 'POST', url: { value: '/idp/idx/challenge' }, ipAddress: '203.0.113.7' } },
    userProfile: { firstName: 'Jane', lastName: 'Doe', login: 'jane.doe@example.com', userId: '00u1abcd' },
    messageProfile: {
      msgTemplate: 'Your verification code is 480213',
      phoneNumber: '+14155552671',
      otpExpires: '2026-11-22T21:48:34.321Z',
      deliveryChannel: 'SMS',
      otpCode: '480213',
      locale: 'EN-US',
      ...profile,
    },
  },
  ...extra,
});

const VALID = [
  okta(),
  okta({ phoneNumber: 14155552671, otpCode: 480213 }),
  okta({ deliveryChannel: 'voice call', msgTemplate: undefined }),
  okta({ eventAction: 'com.okta.user.telephony.account-unlock' }, { requestType: undefined }),
  okta({ locale: null }, { eventId: null }),
];

const INVALID = [
  okta({ phoneNumber: true }),
  okta({ otpCode: '12-34' }),
  okta({ deliveryChannel: '' }),
  okta({ msgTemplate: 'x'.repeat(2001) }),
  okta({}, { data: 'nothing' }),
  okta({}, { eventId: 42 }),
  { eventId: 'no-data' },
  okta({ phoneNumber: { nested: [1] }, otpCode: null, locale: 3 }),
];

module.exports = { HOOK_SCHEMA, VALID, INVALID };
