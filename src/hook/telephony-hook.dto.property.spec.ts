import { ValidationPipe } from '@nestjs/common';
import fc from 'fast-check';
import { toInvalidRequest } from '../app.factory';
import { ApiError } from '../common/api-error';
import { TelephonyHookController } from './telephony-hook.controller';
import { TelephonyHookRequestDto, telephonyHookProblems } from './telephony-hook.dto';

/** The global pipe of app.factory.ts, as it would run if the route declared the DTO class. */
const pipe = new ValidationPipe({
  transform: true,
  whitelist: false,
  stopAtFirstError: true,
  exceptionFactory: toInvalidRequest,
});

const isObject = (body: unknown) =>
  typeof body === 'object' && body !== null && !Array.isArray(body);
const fields = (locations: string[]) => [...new Set(locations)].sort();

/** The fields the DTO classes refuse; a body that is no object at all is named `body`, as the checker does. */
async function dtoFields(body: unknown): Promise<string[]> {
  if (!isObject(body)) return ['body'];
  try {
    await pipe.transform(body, { type: 'body', metatype: TelephonyHookRequestDto });
    return [];
  } catch (error) {
    return fields((error as ApiError).causes.map((cause) => cause.location));
  }
}

const text = (max: number) => fc.string({ maxLength: max });
const around = (limit: number) =>
  fc.integer({ min: limit - 1, max: limit + 1 }).map((n) => 'x'.repeat(n));
/** Values a field may wrongly (or rightly) hold: types, emptiness, lengths at each limit. */
const anyValue = fc.oneof(
  fc.constantFrom(undefined, null, true, false, '', '  ', 0, -1, 1.5, 2 ** 53 + 2, '12-34', '+1'),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  text(40),
  around(32),
  around(35),
  around(128),
  around(2000),
  fc.array(fc.oneof(fc.integer(), text(5)), { maxLength: 3 }),
  fc.dictionary(text(6), fc.oneof(fc.integer(), text(5), fc.constant(null)), { maxKeys: 3 }),
);
const phoneNumber = fc.oneof(fc.nat(), fc.stringMatching(/^\+?[0-9]{1,15}$/));
const otpCode = fc.oneof(fc.nat(), fc.stringMatching(/^[0-9A-Za-z]{1,8}$/));
const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });

/** A body as Okta sends it, every optional part present or not. */
const validBody = fc.record({
  eventId: optional(text(128)),
  requestType: optional(text(60)),
  data: fc.record({
    messageProfile: fc.record({
      phoneNumber,
      otpCode,
      deliveryChannel: fc.constantFrom('SMS', 'sms', 'voice call', 'CALL', 'Voice'),
      msgTemplate: optional(text(2000)),
      locale: optional(fc.constantFrom('EN-US', 'fr', 'pt-BR')),
      otpExpires: optional(text(30)),
      eventAction: optional(text(60)),
    }),
    userProfile: optional(
      fc.record({ userId: optional(text(20)), login: optional(text(40)) }, { requiredKeys: [] }),
    ),
    context: optional(
      fc.record({ request: optional(fc.record({ id: text(20), ipAddress: text(40) })) }),
    ),
  }),
});

/** Every place a generated body may be broken at, parents included. */
const PATHS = [
  ['eventId'],
  ['requestType'],
  ['data'],
  ['data', 'messageProfile'],
  ...[
    'phoneNumber',
    'otpCode',
    'deliveryChannel',
    'msgTemplate',
    'locale',
    'otpExpires',
    'eventAction',
  ].map((key) => ['data', 'messageProfile', key]),
  ['data', 'userProfile'],
  ...['userId', 'login', 'firstName', 'lastName'].map((key) => ['data', 'userProfile', key]),
  ['data', 'context'],
  ['data', 'context', 'request'],
  ['data', 'context', 'request', 'id'],
  ['data', 'context', 'request', 'ipAddress'],
  ['data', 'messageProfile', 'somethingNew'],
];

/** `body` with `value` put at `path`, creating the parents it needs; as JSON would carry it. */
function put(body: unknown, path: string[], value: unknown): unknown {
  const root = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  let node = root;
  for (const key of path.slice(0, -1)) {
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
  return JSON.parse(JSON.stringify(root)) as unknown;
}

const brokenBody = fc
  .tuple(validBody, fc.array(fc.tuple(fc.constantFrom(...PATHS), anyValue), { maxLength: 4 }))
  .map(([body, changes]) =>
    changes.reduce<unknown>((acc, [path, value]) => put(acc, path, value), body),
  );
const anyBody = fc.oneof(
  { arbitrary: validBody, weight: 1 },
  { arbitrary: brokenBody, weight: 4 },
  { arbitrary: anyValue, weight: 1 },
);

describe('TelephonyHookRequestDto and telephonyHookProblems', () => {
  it('should accept and refuse the same bodies and name the same fields, for thousands of bodies', async () => {
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(anyBody, async (body) => {
        const checked = fields(telephonyHookProblems(body).map((problem) => problem.location));
        expect(await dtoFields(body)).toEqual(checked);
        if (checked.length > 0) refused += 1;
      }),
      { numRuns: 3000 },
    );
    expect(refused).toBeGreaterThan(1000);
  }, 60_000);

  it('should accept every valid body', () => {
    fc.assert(
      fc.property(validBody, (body) => {
        expect(telephonyHookProblems(JSON.parse(JSON.stringify(body)))).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('should keep the DTO class out of the route metadata, so the ValidationPipe skips the hook', () => {
    const types: unknown = Reflect.getMetadata(
      'design:paramtypes',
      TelephonyHookController.prototype,
      'send',
    );

    expect(types).toEqual([Object]);
  });
});
