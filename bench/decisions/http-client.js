'use strict';
// Decision 0001: our node:http vendor client vs @nestjs/axios HttpService (keep-alive agent) vs
// undici's Pool, in one run: requests/s and CPU µs per request against a loopback fake vendor
// (another process), each client in its own process, alternated over rounds; then whether each
// reaches an HTTPS vendor through a real CONNECT proxy. Needs `npm run build` and openssl.
// Usage: node bench/decisions/http-client.js   (HTTP_BENCH_ROUNDS=7, HTTP_BENCH_MS=2500)
const { execFileSync, spawn } = require('node:child_process');
const { join } = require('node:path');
const { ROOT, startListener, stop } = require('../processes');
const { proxySupport } = require('./http-client-proxy');
const { writeResult, spread } = require('./result');

const CLIENTS = ['node:http (ours)', '@nestjs/axios + keep-alive agent', 'undici Pool'];
const ROUNDS = Number(process.env.HTTP_BENCH_ROUNDS ?? 7);
const DURATION_MS = Number(process.env.HTTP_BENCH_MS ?? 2500);
const CONCURRENCY = 32;

function runClient(client, url) {
  return new Promise((resolve, reject) => {
    const args = [join(__dirname, 'http-client-worker.js'), client, url, String(DURATION_MS), String(CONCURRENCY)];
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${client} exited ${code}`))));
  });
}

async function main() {
  const vendor = await startListener('bench/fake-vendor.js', ['0']);
  const runs = Object.fromEntries(CLIENTS.map((c) => [c, []]));
  try {
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate the order, so no client always runs first or last.
      for (let i = 0; i < CLIENTS.length; i++) {
        const client = CLIENTS[(i + round) % CLIENTS.length];
        runs[client].push(await runClient(client, vendor.url));
      }
    }
  } finally {
    await stop(vendor.child);
  }
  const proxy = await proxySupport();
  const rows = CLIENTS.map((client) => ({
    client,
    requestsPerSecond: spread(runs[client].map((r) => r.requestsPerSecond)),
    cpuMicrosPerRequest: spread(runs[client].map((r) => r.cpuMicrosPerRequest)),
    errors: runs[client].reduce((n, r) => n + r.errors, 0),
    proxy: proxy[client],
  }));
  const table = [
    `Node ${process.version}, ${ROUNDS} rounds of ${DURATION_MS} ms per client, ${CONCURRENCY} requests in flight, 0 ms vendor on loopback (median, min–max)`,
    '',
    '| client | req/s | CPU µs per request | errors | HTTPS through a CONNECT proxy |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.client} | ${r.requestsPerSecond.text} | ${r.cpuMicrosPerRequest.text} | ${r.errors} | ${r.proxy} |`),
  ].join('\n');
  console.log(table);
  writeResult('decision-0001-http-client', { node: process.version, rows, runs }, table);
}

execFileSync('openssl', ['version']);
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
