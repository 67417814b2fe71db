'use strict';
// What tracing costs: the gateway with tracing off, with tracing on (every trace sampled, or one
// in ten; spans exported to a local OTLP sink) and, with BENCH_TRACING_BEFORE=<git ref>, the build of that ref
// (the code before tracing existed), alternated over rounds in one run; CPU ms per request and
// req/s CPU-bound (64 connections, 1 ms vendor), p99 at 200 req/s open-loop (50 ms vendor).
// Usage: npm run bench:tracing   (TRACING_BENCH_ROUNDS=3, BENCH_SCALE=1;
// BENCH_TRACING_BEFORE=$(git merge-base HEAD main) adds the build before tracing)
const { existsSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { ROOT, cpuSeconds, runLoad, startListener, stop } = require('./processes');
const { SECRET, startGateway } = require('./targets');
const { spread, spreadOf, writeResult } = require('./decisions/result');
const { buildRef } = require('./build-ref');

const ROUNDS = Number(process.env.TRACING_BENCH_ROUNDS ?? 3);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SCENARIOS = [
  { name: '64 connections, 1 ms vendor', vendorMs: 1, load: { mode: 'closed', connections: 64, durationMs: 10_000 * SCALE } },
  { name: 'open-loop 200 req/s, 50 ms vendor', vendorMs: 50, load: { mode: 'open', rate: 200, durationMs: 15_000 * SCALE } },
];
const WARMUP = { mode: 'closed', connections: 16, durationMs: 3_000 * SCALE, warmupMs: 0 };


function variants(sinkUrl, before) {
  const on = (ratio) => `tracing: { enabled: true, endpoint: "${sinkUrl}", sampleRatio: ${ratio} }\n`;
  const list = [
    { name: 'tracing off', options: {} },
    { name: 'tracing on, every trace', options: { extraConfig: on(1) } },
    { name: 'tracing on, sampleRatio 0.1', options: { extraConfig: on(0.1) } },
  ];
  if (before) list.unshift({ name: `before (${process.env.BENCH_TRACING_BEFORE})`, options: { main: join(before, 'dist/main.js') } });
  return list;
}

async function measure(variant, vendorUrl, load) {
  const server = await startGateway(vendorUrl, { image: true, ...variant.options });
  try {
    await runLoad({ ...WARMUP, url: server.url, secret: SECRET, seed: `${variant.name}-warm-${Date.now()}` });
    const cpu0 = cpuSeconds(server.child.pid);
    const result = await runLoad({ warmupMs: 0, ...load, url: server.url, secret: SECRET, seed: `${variant.name}-${Date.now()}` });
    const cpuMs = (cpuSeconds(server.child.pid) - cpu0) * 1000;
    return { rps: result.rps, p99: result.latencyMs.p99, errors: result.errors, cpuMsPerRequest: cpuMs / Math.max(1, result.completed) };
  } finally {
    await stop(server.child);
  }
}

/** ns per call of a step wrapped in withSpan with tracing off, against the step called directly. */
async function offPath() {
  const { withSpan } = require(join(ROOT, 'dist/observability/spans.js'));
  const step = () => Promise.resolve(1);
  const calls = { direct: () => step(), 'withSpan, tracing off': () => withSpan('otg.attempt', { 'otg.provider': 'p' }, step) };
  const runs = { direct: [], 'withSpan, tracing off': [] };
  for (let round = 0; round < 5; round++) {
    for (const [name, call] of Object.entries(calls)) {
      for (let i = 0; i < 100_000; i++) await call();
      const start = process.hrtime.bigint();
      for (let i = 0; i < 1_000_000; i++) await call();
      runs[name].push(Number(process.hrtime.bigint() - start) / 1_000_000);
    }
  }
  return Object.entries(runs).map(([name, ns]) => `${name}: ${spread(ns).text} ns per call`);
}

async function main() {
  if (!existsSync(join(ROOT, 'dist/main.js'))) throw new Error('run npm run build first');
  const micro = await offPath();
  const before = process.env.BENCH_TRACING_BEFORE ? buildRef(process.env.BENCH_TRACING_BEFORE) : undefined;
  const sink = await startListener('bench/otlp-sink.js');
  const rows = [];
  try {
    for (const scenario of SCENARIOS) {
      const vendor = await startListener('bench/fake-vendor.js', [String(scenario.vendorMs)]);
      const list = variants(sink.url, before);
      const runs = Object.fromEntries(list.map((v) => [v.name, []]));
      try {
        for (let round = 0; round < ROUNDS; round++) {
          // Rotate the order, so no variant always runs first or last.
          for (let i = 0; i < list.length; i++) {
            const variant = list[(i + round) % list.length];
            const run = await measure(variant, vendor.url, scenario.load);
            runs[variant.name].push(run);
            console.error(`${scenario.name} · ${variant.name} · round ${round + 1}: ${JSON.stringify(run)}`);
          }
        }
      } finally {
        await stop(vendor.child);
      }
      for (const variant of list) rows.push(row(scenario.name, variant.name, runs[variant.name]));
    }
  } finally {
    await stop(sink.child);
    if (before) rmSync(before, { recursive: true, force: true });
  }
  const table = [
    `Node ${process.version}, ${ROUNDS} rounds per variant alternated, ${new Date().toISOString()} (median, min–max)`,
    '',
    '| scenario | variant | CPU ms/request | req/s | p99 ms | errors |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.scenario} | ${r.variant} | ${r.cpu.text} | ${r.rps.text} | ${r.p99.text} | ${r.errors} |`),
    '',
    `The off path (5 runs of a million awaited calls): ${micro.join('; ')}.`,
  ].join('\n');
  console.log(table);
  writeResult('tracing', { node: process.version, rows, offPath: micro }, table);
}

function row(scenario, variant, runs) {
  return {
    scenario,
    variant,
    cpu: spreadOf(runs.map((r) => r.cpuMsPerRequest), 3),
    rps: spread(runs.map((r) => r.rps)),
    p99: spread(runs.map((r) => r.p99)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    runs,
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
