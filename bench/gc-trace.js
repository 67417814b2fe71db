'use strict';
// npm run bench:gc — what V8's garbage collector does under the open-loop load (200 req/s, 50 ms
// vendor, after a warm-up): the gateway runs with --trace-gc-nvp, once per round on a fresh
// process, and each round prints its p99 / p99.9 beside the steady-state scavenges (the second
// half of the run): how long each paused, how many MB survived each, and the mark-compacts.
// A fresh process per round because V8's pretenuring decisions, taken during the first requests,
// differ from one process to the next (docs/performance.md, "two kinds of gateway process").
// Usage: npm run bench:gc   (BENCH_GC_ROUNDS=4; BENCH_GC_FLAGS='<node flags>'; BENCH_IMAGE=1:
// as the image runs it)
const { openSync, closeSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { startListener, stop, runLoad, tempDir } = require('./processes');
const { SECRET, startGateway, imageNodeFlags, imageNodeOptions } = require('./targets');
const { spread, writeResult } = require('./decisions/result');

const ROUNDS = Number(process.env.BENCH_GC_ROUNDS ?? 4);
const FLAGS = (process.env.BENCH_GC_FLAGS ?? '').split(/\s+/).filter(Boolean);
const IMAGE = process.env.BENCH_IMAGE === '1';
const WARMUP = { mode: 'closed', connections: 16, durationMs: 3_000, warmupMs: 0 };
const LOAD = { mode: 'open', rate: 200, durationMs: 20_000, warmupMs: 0 };

/** One NVP line's field, as a number. */
const field = (line, name) => Number(new RegExp(` ${name}=([0-9.]+)`).exec(line)?.[1] ?? NaN);
const fixed = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');

/** Scavenges and mark-compacts from a --trace-gc-nvp output, the scavenges of its second half. */
function gcSummary(trace) {
  const lines = trace.split('\n');
  const scavenges = lines.filter((l) => / gc=s /.test(l));
  const steady = scavenges.slice(Math.floor(scavenges.length / 2));
  const compacts = lines.filter((l) => / gc=mc /.test(l));
  const pauses = spread(steady.map((l) => field(l, 'pause')));
  return {
    scavenges: scavenges.length,
    pauseMs: pauses.median,
    maxPauseMs: pauses.max,
    survivedMb: spread(steady.map((l) => field(l, 'new_space_survived') / 1e6)).median,
    markCompacts: compacts.length,
    maxMarkCompactMs: compacts.length ? Math.max(...compacts.map((l) => field(l, 'pause'))) : NaN,
  };
}

async function round(vendorUrl, index) {
  const file = join(tempDir('otg-gc-'), 'trace.txt');
  const out = openSync(file, 'w');
  const server = await startGateway(vendorUrl, { image: IMAGE, nodeFlags: ['--trace-gc-nvp', ...FLAGS], stdout: out });
  try {
    const target = { url: server.url, secret: SECRET };
    await runLoad({ ...WARMUP, ...target, seed: `gc-warm-${index}-${Date.now()}` });
    const result = await runLoad({ ...LOAD, ...target, seed: `gc-${index}-${Date.now()}` });
    return { result, gc: gcSummary(readFileSync(file, 'utf8')) };
  } finally {
    await stop(server.child);
    closeSync(out);
  }
}

async function main() {
  const vendor = await startListener('bench/fake-vendor.js', ['50']);
  const rows = [];
  try {
    for (let i = 0; i < ROUNDS; i++) rows.push(await round(vendor.url, i));
  } finally {
    await stop(vendor.child);
  }
  const node = IMAGE ? `NODE_OPTIONS='${imageNodeOptions()}' node ${imageNodeFlags().join(' ')}` : 'node';
  const variant = [node, ...FLAGS, 'dist/main.js'].join(' ').replace(/ +/g, ' ');
  const table = [
    `Node ${process.version}, ${variant}, open-loop 200 req/s, 50 ms vendor, ${new Date().toISOString()}`,
    '',
    '| round | p99 ms | p99.9 ms | errors | scavenges | steady scavenge pause ms (median / max) | MB survived per scavenge | mark-compacts (longest ms) |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(({ result, gc }, i) =>
      `| ${i + 1} | ${result.latencyMs.p99} | ${result.latencyMs.p999} | ${result.errors} | ${gc.scavenges} | ${fixed(gc.pauseMs)} / ${fixed(gc.maxPauseMs)} | ${fixed(gc.survivedMb)} | ${gc.markCompacts} (${fixed(gc.maxMarkCompactMs)}) |`,
    ),
  ].join('\n');
  console.log(table);
  writeResult('gc', { node: process.version, variant, rows }, table);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
