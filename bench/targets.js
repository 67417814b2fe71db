'use strict';
// The two programs compared: the gateway in production mode and the raw-Node baseline relay.
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

async function startGateway(vendorUrl) {
  const port = await freePort();
  const config = writeTempFile('config.yaml', gatewayConfig(vendorUrl));
  return startServer([join(ROOT, 'dist/main.js')], { NODE_ENV: 'production', CONFIG_FILE: config }, port, '/health/ready');
}

async function startBaseline(vendorUrl) {
  const port = await freePort();
  const server = await startServer([join(ROOT, 'bench/baseline-relay.js')], { VENDOR_URL: vendorUrl, SECRET }, port, '/health');
  return server;
}

async function startFloor(vendorUrl) {
  const port = await freePort();
  return startServer([join(ROOT, 'bench/framework-floor.js')], { VENDOR_URL: vendorUrl, SECRET }, port, '/health');
}

module.exports = { SECRET, gatewayConfig, targets: { gateway: startGateway, baseline: startBaseline, floor: startFloor } };
