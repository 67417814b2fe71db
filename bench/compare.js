'use strict';
// Gateway variants side by side, alternated over rounds in one run (the order rotated every
// round), each figure the median of its rounds: a change of a few percent is within one run's
// noise, and the machine's speed drifts from minute to minute.
// - BENCH_COMPARE=<git ref>: the working tree's dist/ against the build of that ref, both as
//   `node dist/main.js` with no flags (BENCH_COMPARE_IMAGE=1: as the image runs it).
// - BENCH_COMPARE_FLAGS='<node flags> | <node flags> | ...': the working tree under each set of
//   node and V8 flags ('' for none), e.g. the image's against candidates.
// Scenarios (BENCH_COMPARE_SCENARIOS, comma-separated; default cpu): cpu (64 connections, 1 ms
// vendor), latency (64 connections, 50 ms vendor), open (200 req/s open-loop, 50 ms vendor).
// BENCH_MEMORY_LIMIT_MB runs every variant in a memory cgroup of that size, as in a pod.
// Usage: BENCH_COMPARE=<ref> npm run bench:compare   (BENCH_COMPARE_ROUNDS=5, BENCH_SCALE=1)
const { existsSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { ROOT } = require('./processes');
const { podCgroup } = require('./targets');
const { writeResult } = require('./decisions/result');
const { alternate } = require('./alternate');
const { buildRef } = require('./build-ref');

const ROUNDS = Number(process.env.BENCH_COMPARE_ROUNDS ?? 5);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SCENARIOS = {
  cpu: { name: '64 connections, 1 ms vendor', vendorMs: 1, load: { mode: 'closed', connections: 64, durationMs: 8_000 * SCALE } },
  latency: { name: '64 connections, 50 ms vendor', vendorMs: 50, load: { mode: 'closed', connections: 64, durationMs: 8_000 * SCALE } },
  open: { name: 'open-loop 200 req/s, 50 ms vendor', vendorMs: 50, load: { mode: 'open', rate: 200, durationMs: 15_000 * SCALE } },
};
const WARMUP = { mode: 'closed', connections: 16, durationMs: 3_000 * SCALE, warmupMs: 0 };

/** The variants to compare, and a clean-up for the build of another ref. */
function variants() {
  const ref = process.env.BENCH_COMPARE;
  const flags = process.env.BENCH_COMPARE_FLAGS;
  if (ref) {
    const image = process.env.BENCH_COMPARE_IMAGE === '1';
    const other = buildRef(ref);
    return {
      list: [
        { name: ref, options: { image, main: join(other, 'dist/main.js'), cgroup: podCgroup() } },
        { name: 'working tree', options: { image, cgroup: podCgroup() } },
      ],
      cleanUp: () => rmSync(other, { recursive: true, force: true }),
    };
  }
  if (flags !== undefined) {
    const list = flags.split('|').map((set) => set.trim()).map((set) => ({
      name: set || 'no flags',
      options: { nodeFlags: set.split(/\s+/).filter(Boolean), cgroup: podCgroup() },
    }));
    return { list, cleanUp: () => undefined };
  }
  throw new Error('set BENCH_COMPARE to a git ref, or BENCH_COMPARE_FLAGS to flag sets separated by |');
}

async function main() {
  if (!existsSync(join(ROOT, 'dist/main.js'))) throw new Error('run npm run build first');
  const scenarios = (process.env.BENCH_COMPARE_SCENARIOS ?? 'cpu').split(',').map((s) => SCENARIOS[s.trim()]);
  if (scenarios.includes(undefined)) throw new Error(`scenarios are ${Object.keys(SCENARIOS).join(', ')}`);
  const { list, cleanUp } = variants();
  const rows = [];
  try {
    for (const scenario of scenarios) rows.push(...(await alternate(scenario, list, ROUNDS, WARMUP)));
  } finally {
    cleanUp();
  }
  const limit = process.env.BENCH_MEMORY_LIMIT_MB ? `, in a ${process.env.BENCH_MEMORY_LIMIT_MB} MB memory cgroup` : '';
  const table = [
    `Node ${process.version}, ${ROUNDS} rounds alternated${limit}, ${new Date().toISOString()} (median, min–max)`,
    '',
    '| scenario | variant | CPU ms/request | req/s | p99 ms | p99.9 ms | errors | CPU steal % |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.scenario} | ${r.variant} | ${r.cpu.text} | ${r.rps.text} | ${r.p99.text} | ${r.p999.text} | ${r.errors} | ${r.steal.text} |`),
  ].join('\n');
  console.log(table);
  writeResult('compare', { node: process.version, rows }, table);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
