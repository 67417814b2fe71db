'use strict';
// The programs compared: the gateway in production mode, the raw-Node baseline relay and (BENCH_FLOOR)
// the framework floors, which run with the gateway's node flags so that they compare like for like.
const { join } = require('node:path');
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
 * `node dist/main.js` as the image runs it, on the bench config. The memory and allocation
 * benches add node flags (a preloaded sampler), environment and config of their own; the tracing
 * bench runs another build too (`main`).
 */
async function startGateway(vendorUrl, { nodeFlags = [], env = {}, extraConfig = '', main = join(ROOT, 'dist/main.js') } = {}) {
  const port = await freePort();
  const config = writeTempFile('config.yaml', gatewayConfig(vendorUrl) + extraConfig);
  const fullEnv = { NODE_ENV: 'production', CONFIG_FILE: config, NODE_OPTIONS: imageNodeOptions(), ...env };
  return startServer([...imageNodeFlags(), ...nodeFlags, main], fullEnv, port, '/health/ready');
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

module.exports = { SECRET, gatewayConfig, targets: { gateway: startGateway, baseline: startBaseline, floor: floorStarter('bench/framework-floor.js'), 'fastify floor': floorStarter('bench/fastify-floor.js') } };
