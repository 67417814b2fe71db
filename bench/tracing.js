'use strict';
// What tracing costs: the gateway with tracing off, with tracing on (every trace sampled, or one
// in ten; spans exported to a local OTLP sink) and, with BENCH_TRACING_BEFORE=<git ref>, the build of that ref
// (the code before tracing existed), alternated over rounds in one run; CPU ms per request and
// req/s CPU-bound (64 connections, 1 ms vendor), p99 at 200 req/s open-loop (50 ms vendor).
// Usage: npm run bench:tracing   (TRACING_BENCH_ROUNDS=3, BENCH_SCALE=1;
// BENCH_TRACING_BEFORE=$(git merge-base HEAD main) adds the build before tracing)
const { existsSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { ROOT, startListener, stop } = require('./processes');
const { spread, writeResult } = require('./decisions/result');
const { alternate } = require('./alternate');
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
    { name: 'tracing off', options: { image: true } },
    { name: 'tracing on, every trace', options: { image: true, extraConfig: on(1) } },
    { name: 'tracing on, sampleRatio 0.1', options: { image: true, extraConfig: on(0.1) } },
  ];
  if (before) list.unshift({ name: `before (${process.env.BENCH_TRACING_BEFORE})`, options: { image: true, main: join(before, 'dist/main.js') } });
  return list;
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
      rows.push(...(await alternate(scenario, variants(sink.url, before), ROUNDS, WARMUP)));
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

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
