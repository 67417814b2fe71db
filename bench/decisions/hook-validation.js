'use strict';
// Decision 0002: the telephony hook body checked by (a) the hand-written checker on the route,
// (b) the class-validator DTO classes through Nest's ValidationPipe (transform, as app.factory
// configures it), (c) a Fastify route JSON schema compiled by ajv with Fastify's default options
// (and with allErrors, to name every problem as (a) and (b) do). CPU µs per body for valid and
// invalid bodies, alternated over rounds in one process. Needs `npm run build`.
// Usage: node bench/decisions/hook-validation.js   (HOOK_BENCH_ROUNDS=5, HOOK_BENCH_BODIES=20000)
require('reflect-metadata');
const { ValidationPipe } = require('@nestjs/common');
const Ajv = require('ajv');
const { join } = require('node:path');
const { ROOT } = require('../processes');
const { HOOK_SCHEMA, VALID, INVALID } = require('./hook-bodies');
const { writeResult, spread } = require('./result');

const dist = (path) => require(join(ROOT, 'dist', path));
const { TelephonyHookRequestDto, telephonyHookProblems } = dist('hook/telephony-hook.dto.js');
const { toInvalidRequest } = dist('app.factory.js');

const ROUNDS = Number(process.env.HOOK_BENCH_ROUNDS ?? 5);
const BODIES = Number(process.env.HOOK_BENCH_BODIES ?? 20000);
// Fastify's own ajv defaults (@fastify/ajv-compiler): coercion, defaults, extra fields removed.
const FASTIFY_AJV = { coerceTypes: 'array', useDefaults: true, removeAdditional: true, allErrors: false };
const fastifyRoute = new Ajv(FASTIFY_AJV).compile(HOOK_SCHEMA);
const everyProblem = new Ajv({ ...FASTIFY_AJV, allErrors: true }).compile(HOOK_SCHEMA);
const pipe = new ValidationPipe({ transform: true, whitelist: false, stopAtFirstError: true, exceptionFactory: toInvalidRequest });
const metadata = { type: 'body', metatype: TelephonyHookRequestDto };

/** Each returns whether it accepted the body. */
const VALIDATORS = {
  'checker (today)': (body) => telephonyHookProblems(body).length === 0,
  'class-validator DTO via ValidationPipe': (body) => pipe.transform(body, metadata).then(() => true, () => false),
  'ajv route schema (Fastify defaults)': (body) => fastifyRoute(body),
  'ajv route schema, allErrors': (body) => everyProblem(body),
};

/** CPU µs per body over `BODIES` freshly parsed bodies (parsing not counted: ajv coerces in place). */
async function measure(validate, texts, expected) {
  const bodies = Array.from({ length: BODIES }, (_, i) => JSON.parse(texts[i % texts.length]));
  let wrong = 0;
  const cpu = process.cpuUsage();
  for (const body of bodies) if ((await validate(body)) !== expected) wrong += 1;
  const used = process.cpuUsage(cpu);
  return { micros: (used.user + used.system) / BODIES, wrong };
}

async function main() {
  const texts = { valid: VALID.map((b) => JSON.stringify(b)), invalid: INVALID.map((b) => JSON.stringify(b)) };
  const names = Object.keys(VALIDATORS);
  const runs = Object.fromEntries(names.map((n) => [n, { valid: [], invalid: [], wrong: { valid: 0, invalid: 0 } }]));
  for (const name of names) await measure(VALIDATORS[name], texts.valid, true); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      for (const kind of ['valid', 'invalid']) {
        const { micros, wrong } = await measure(VALIDATORS[name], texts[kind], kind === 'valid');
        runs[name][kind].push(micros);
        runs[name].wrong[kind] = wrong / BODIES;
      }
    }
  }
  const rows = names.map((name) => ({
    name,
    valid: spread(runs[name].valid),
    invalid: spread(runs[name].invalid),
    misjudged: runs[name].wrong,
  }));
  const table = [
    `Node ${process.version}, ${ROUNDS} rounds of ${BODIES} bodies each (${VALID.length} valid and ${INVALID.length} invalid shapes), CPU µs per body, median (min–max)`,
    '',
    '| validator | valid body | invalid body | invalid bodies it accepted |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${r.valid.text} | ${r.invalid.text} | ${Math.round(r.misjudged.invalid * INVALID.length)} of ${INVALID.length} |`),
  ].join('\n');
  console.log(table);
  writeResult('decision-0002-hook-validation', { node: process.version, rows }, table);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
