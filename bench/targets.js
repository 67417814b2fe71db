'use strict';
// The programs compared in one run: the gateway in production mode, both as `node dist/main.js`
// with no flags (npm run start:prod) and as the image runs it (the Dockerfile's ENTRYPOINT flags and
// NODE_OPTIONS); the raw node:http relay; the relay's job on NestJS (the framework floor) and on
// Fastify alone; the Okta-guide program (Express + the twilio SDK). Every program but the image
// variant runs as plain `node <file>`.
const { join } = require('node:path');
const { memoryLimit } = require('./memory-limit');
const { ROOT, freePort, startServer, writeTempFile } = require('./processes');
const { imageNode } = require('./image-node');

const SECRET = 'bench-hook-secret-0123456789';

function gatewayConfig(vendorUrl) {
  return `
server: { replicas: 1 }
logging: { level: ${process.env.BENCH_LOG_LEVEL ?? 'info'} }
hook:
  auth: { headers: [{ name: authorization, secrets: ["${SECRET}"] }] }
events:
  auth: { headers: [{ name: authorization, secrets: ["${SECRET}"] }] }
providers:
  twilio:
    type: twilio
    accountSid: AC0123456789abcdef0123456789abcdef
    authToken: 0123456789abcdef0123456789abcdef
    from: "+15005550006"
    baseUrl: ${vendorUrl}
routing: { default: [twilio] }
admin: { tokens: ["bench-admin-token-0123456789"] }
`;
}

/** The image's NODE_OPTIONS (V8 heap flags); BENCH_NODE_OPTIONS overrides ('' for none). */
function imageNodeOptions() {
  return process.env.BENCH_NODE_OPTIONS ?? imageNode().nodeOptions;
}

/** The node flags of the image's ENTRYPOINT; BENCH_NODE_FLAGS overrides ('' for none). */
function imageNodeFlags() {
  const override = process.env.BENCH_NODE_FLAGS;
  return override === undefined ? imageNode().flags : override.split(' ').filter(Boolean);
}

/**
 * `node dist/main.js` on the bench config: with no flags, or (`image: true`) as the image runs it.
 * The memory and allocation benches add node flags (a preloaded sampler), environment and config of
 * their own; the tracing bench runs another build too (`main`); `cgroup` starts it in a memory
 * cgroup (bench/memory-limit.js); `stdout`, a file descriptor for its output (bench/gc-trace.js).
 */
async function startGateway(vendorUrl, { image = false, nodeFlags = [], env = {}, extraConfig = '', main = join(ROOT, 'dist/main.js'), cgroup, stdout } = {}) {
  const port = await freePort();
  const config = writeTempFile('config.yaml', gatewayConfig(vendorUrl) + extraConfig);
  const fullEnv = { NODE_ENV: 'production', CONFIG_FILE: config, ...(image ? { NODE_OPTIONS: imageNodeOptions() } : {}), ...env };
  return startServer([...(image ? imageNodeFlags() : []), ...nodeFlags, main], fullEnv, port, '/health/ready', cgroup, stdout);
}

/** A comparison program (relay, floors, peer): plain `node <script>`, readiness on /health. */
function programStarter(script) {
  return async (vendorUrl) => {
    const port = await freePort();
    return startServer([join(ROOT, script)], { VENDOR_URL: vendorUrl, SECRET }, port, '/health', podCgroup());
  };
}

let pod;
/**
 * With BENCH_MEMORY_LIMIT_MB, the one memory cgroup every program of `npm run bench` runs in (one
 * at a time), as in a pod with that limit; removed when the bench exits.
 */
function podCgroup() {
  if (pod === undefined) {
    pod = memoryLimit() ?? null;
    if (pod) process.on('exit', () => pod.remove());
  }
  return pod?.dir;
}

const targets = {
  relay: programStarter('bench/baseline-relay.js'),
  'NestJS floor': programStarter('bench/framework-floor.js'),
  'Fastify floor': programStarter('bench/fastify-floor.js'),
  'Express + twilio': programStarter('bench/peer-express-twilio.js'),
  gateway: (vendorUrl) => startGateway(vendorUrl, { cgroup: podCgroup() }),
  'gateway (image)': (vendorUrl) => startGateway(vendorUrl, { image: true, cgroup: podCgroup() }),
};

module.exports = { SECRET, podCgroup, gatewayConfig, startGateway, imageNodeFlags, imageNodeOptions, targets };
