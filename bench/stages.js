'use strict';
// The stages of a hook request, for `npm run bench:profile`: each profile sample (CPU) or allocation
// (heap) belongs to the innermost frame of its stack that names a stage; a stack naming none is the
// framework and the runtime (HTTP server, Fastify, Nest, JSON, timers, GC).
const { packageOf } = require('./code-location');

/** [stage, test on a frame's package and its file under dist/], innermost match wins. */
const RULES = [
  ['logging', (pkg, file) => ['pino', 'sonic-boom', 'thread-stream', '@pinojs/redact', 'fast-safe-stringify', 'safe-stable-stringify', 'quick-format-unescaped'].includes(pkg) || /^observability\/(log-|logging|nest-logger|request-logging)/.test(file)],
  ['metrics', (pkg, file) => ['prom-client', 'tdigest', 'bintrees'].includes(pkg) || /(\.metrics\.js|^observability\/(metrics|label-cache|metric-))/.test(file)],
  ['phone parse', (pkg, file) => pkg === 'libphonenumber-js' || /^phone\//.test(file)],
  ['store', (pkg, file) => ['ioredis', 'rate-limiter-flexible'].includes(pkg) || /^store\//.test(file)],
  ['vendor call', (pkg, file) => /^providers\//.test(file) || /^delivery\/(attempt-runner|send-within|deadline)/.test(file) || pkg === 'cockatiel'],
  ['protection', (pkg, file) => /^protection\//.test(file)],
  ['body check', (pkg, file) => /^(hook\/telephony-hook\.(dto|pipe)|common\/body-checks|hook\/hook-request\.mapper)/.test(file)],
  ['auth', (pkg, file) => /^(auth\/|hook\/hook-auth|common\/safe-equal)/.test(file)],
  ['records and indexes', (pkg, file) => /^(records\/|events\/|delivery\/(delivery-record|delivery-observers|settle-write))/.test(file)],
  ['delivery (idempotency, routing, answer)', (pkg, file) => /^(delivery\/|hook\/|common\/)/.test(file)],
];
const OTHER = 'framework and runtime (HTTP, Fastify, Nest, JSON, GC)';
/** Packages whose frames end the walk: what they run is the framework's, even inside our hooks. */
const FRAMEWORK = /^(fastify|@fastify\/.*|@nestjs\/.*|find-my-way|secure-json-parse|fast-json-stringify|avvio|rxjs|toad-cache|fast-querystring|reflect-metadata)$/;
const STAGES = [...RULES.map(([stage]) => stage), 'other gateway code', OTHER];

/** The stage of one frame, or undefined. */
function stageOfFrame(callFrame) {
  const pkg = packageOf(callFrame.url);
  const file = pkg === 'gateway' ? callFrame.url.slice(callFrame.url.indexOf('/dist/') + 6) : '';
  for (const [stage, test] of RULES) if (test(pkg, file)) return stage;
  if (FRAMEWORK.test(pkg)) return OTHER;
  return pkg === 'gateway' && !/^(main|app\.)/.test(file) ? 'other gateway code' : undefined;
}

/** The stage of a stack given leaf first (a list of call frames). */
function stageOfStack(frames) {
  for (const frame of frames) {
    const stage = stageOfFrame(frame);
    if (stage) return stage;
  }
  return OTHER;
}

module.exports = { STAGES, stageOfStack };
