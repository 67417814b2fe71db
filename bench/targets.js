'use strict';
// The programs compared: the gateway in production mode, the raw-Node baseline relay and (BENCH_FLOOR)
// the framework floor, which runs with the gateway's V8 flags so that the two compare like for like.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { ROOT, freePort, startServer, writeTempFile } = require('./processes');

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
    authToken: bench-twilio-token
    from: "+15005550006"
    baseUrl: ${vendorUrl}
routing: { default: [twilio] }
admin: { tokens: ["bench-admin-token-0123456789"] }
`;
}

/** The V8 flags the image runs the gateway with (Dockerfile ENV NODE_OPTIONS); BENCH_NODE_OPTIONS overrides ('' for none). */
function imageNodeOptions() {
  if (process.env.BENCH_NODE_OPTIONS !== undefined) return process.env.BENCH_NODE_OPTIONS;
  const match = /^ENV NODE_OPTIONS="([^"]*)"/m.exec(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
  return match ? match[1] : '';
}

/**
 * The node flags of the image's ENTRYPOINT (those NODE_OPTIONS may not carry, e.g.
 * --single-threaded-gc); BENCH_NODE_FLAGS overrides ('' for none).
 */
function imageNodeFlags() {
  if (process.env.BENCH_NODE_FLAGS !== undefined) return process.env.BENCH_NODE_FLAGS.split(' ').filter(Boolean);
  const match = /^ENTRYPOINT \[(.*)\]$/m.exec(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'));
  const words = match ? JSON.parse(`[${match[1]}]`) : [];
  return words.filter((word) => word.startsWith('--'));
}

async function startGateway(vendorUrl) {
  const port = await freePort();
  const config = writeTempFile('config.yaml', gatewayConfig(vendorUrl));
  const env = { NODE_ENV: 'production', CONFIG_FILE: config, NODE_OPTIONS: imageNodeOptions() };
  return startServer([...imageNodeFlags(), join(ROOT, 'dist/main.js')], env, port, '/health/ready');
}

async function startBaseline(vendorUrl) {
  const port = await freePort();
  const server = await startServer([join(ROOT, 'bench/baseline-relay.js')], { VENDOR_URL: vendorUrl, SECRET }, port, '/health');
  return server;
}

/** A floor program (bench/framework-floor.js, bench/fastify-floor.js) with the gateway's node flags. */
function floorStarter(script) {
  return async (vendorUrl) => {
    const port = await freePort();
    const env = { VENDOR_URL: vendorUrl, SECRET, NODE_OPTIONS: imageNodeOptions() };
    return startServer([...imageNodeFlags(), join(ROOT, script)], env, port, '/health');
  };
}

module.exports = { SECRET, gatewayConfig, imageNodeOptions, imageNodeFlags, targets: { gateway: startGateway, baseline: startBaseline, floor: floorStarter('bench/framework-floor.js'), 'fastify floor': floorStarter('bench/fastify-floor.js') } };
