'use strict';
// Load generator, run in its own process so its CPU is not the server's.
// Usage: node bench/load.js '<json options>'  → prints one JSON result line.
// Options: url, secret, mode ('open' | 'closed'), rate (open), connections (closed), durationMs,
// warmupMs, seed (to make eventIds unique across runs), maxRequests (closed, optional).
const http = require('node:http');
const { performance } = require('node:perf_hooks');

const opts = JSON.parse(process.argv[2]);
const target = new URL(opts.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: opts.mode === 'open' ? 1024 : opts.connections });
let sequence = 0;

function body() {
  const i = ++sequence;
  return JSON.stringify({
    eventId: `bench-${opts.seed}-${i}`,
    eventTime: new Date().toISOString(),
    eventType: 'com.okta.telephony.provider',
    eventTypeVersion: '1.0',
    contentType: 'application/json',
    cloudEventVersion: '0.1',
    source: 'https://bench.okta.com/api/v1/inlineHooks/cal0bench',
    requestType: 'com.okta.user.telephony.mfa-verification',
    data: {
      context: { request: { id: `req${i}`, method: 'POST', url: { value: '/idp/idx/challenge' }, ipAddress: '198.51.100.7' } },
      userProfile: { firstName: 'Bench', lastName: 'User', login: `user${i % 5000}@example.com`, userId: `00u${i % 5000}` },
      messageProfile: {
        msgTemplate: `Your verification code is ${100000 + (i % 900000)}`,
        phoneNumber: `+1415555${String(i % 10000).padStart(4, '0')}`,
        otpExpires: new Date(Date.now() + 300_000).toISOString(),
        deliveryChannel: 'SMS',
        otpCode: String(100000 + (i % 900000)),
        locale: 'EN-US',
      },
    },
  });
}

function fire() {
  return new Promise((resolve) => {
    const payload = body();
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: '/hooks/okta/telephony',
        method: 'POST',
        agent,
        headers: { authorization: opts.secret, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve(res.statusCode === 200 && text.includes('"SUCCESSFUL"')));
      },
    );
    req.on('error', () => resolve(false));
    req.end(payload);
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

async function openLoop(record) {
  const interval = 1000 / opts.rate;
  const start = performance.now();
  const total = Math.round(((opts.warmupMs + opts.durationMs) / 1000) * opts.rate);
  const pending = [];
  for (let i = 0; i < total; i++) {
    const scheduled = start + i * interval;
    await sleep(scheduled - performance.now());
    const measured = scheduled - start >= opts.warmupMs;
    // Latency counts from the scheduled time: a late answer is never hidden by a late send.
    pending.push(fire().then((ok) => measured && record(ok, performance.now() - scheduled)));
  }
  await Promise.all(pending);
  return opts.durationMs;
}

async function closedLoop(record) {
  const start = performance.now();
  const warmEnd = start + opts.warmupMs;
  const end = warmEnd + opts.durationMs;
  let measuredStart;
  const worker = async () => {
    while (performance.now() < end && !(opts.maxRequests && sequence >= opts.maxRequests)) {
      const t0 = performance.now();
      const ok = await fire();
      if (t0 >= warmEnd) {
        measuredStart ??= t0;
        record(ok, performance.now() - t0);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  return performance.now() - (measuredStart ?? warmEnd);
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const latencies = [];
  let errors = 0;
  const record = (ok, ms) => (ok ? latencies.push(ms) : errors++);
  const elapsed = opts.mode === 'open' ? await openLoop(record) : await closedLoop(record);
  latencies.sort((a, b) => a - b);
  const round = (n) => Math.round(n * 100) / 100;
  console.log(
    JSON.stringify({
      completed: latencies.length,
      errors,
      durationMs: round(elapsed),
      rps: round((latencies.length / elapsed) * 1000),
      latencyMs: {
        p50: round(percentile(latencies, 50)),
        p90: round(percentile(latencies, 90)),
        p99: round(percentile(latencies, 99)),
        p999: round(percentile(latencies, 99.9)),
        max: round(latencies.at(-1) ?? 0),
      },
    }),
  );
  agent.destroy();
}

void main();
