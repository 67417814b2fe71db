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
const { ROOT, cpuSeconds, runLoad, startListener, stop } = require('./processes');
const { SECRET, podCgroup, startGateway } = require('./targets');
const { spread, spreadOf, writeResult } = require('./decisions/result');
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
        { name: ref, options: { image, main: join(other, 'dist/main.js') } },
        { name: 'working tree', options: { image } },
      ],
      cleanUp: () => rmSync(other, { recursive: true, force: true }),
    };
  }
  if (flags !== undefined) {
    const list = flags.split('|').map((set) => set.trim()).map((set) => ({
      name: set || 'no flags',
      options: { nodeFlags: set.split(/\s+/).filter(Boolean) },
    }));
    return { list, cleanUp: () => undefined };
  }
  throw new Error('set BENCH_COMPARE to a git ref, or BENCH_COMPARE_FLAGS to flag sets separated by |');
}

async function measure(variant, vendorUrl, load) {
  const server = await startGateway(vendorUrl, { ...variant.options, cgroup: podCgroup() });
  try {
    await runLoad({ ...WARMUP, url: server.url, secret: SECRET, seed: `${variant.name}-warm-${Date.now()}` });
    const cpu0 = cpuSeconds(server.child.pid);
    const result = await runLoad({ warmupMs: 0, ...load, url: server.url, secret: SECRET, seed: `${variant.name}-${Date.now()}` });
    const cpuMs = (cpuSeconds(server.child.pid) - cpu0) * 1000;
    const { p99, p999 } = result.latencyMs;
    return { rps: result.rps, p99, p999, errors: result.errors, cpuMsPerRequest: cpuMs / Math.max(1, result.completed) };
  } finally {
    await stop(server.child);
  }
}

async function compare(scenario, list) {
  const runs = Object.fromEntries(list.map((v) => [v.name, []]));
  const vendor = await startListener('bench/fake-vendor.js', [String(scenario.vendorMs)]);
  try {
    for (let round = 0; round < ROUNDS; round++) {
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
  return list.map(({ name }) => ({
    scenario: scenario.name,
    variant: name,
    cpu: spreadOf(runs[name].map((r) => r.cpuMsPerRequest), 3),
    rps: spread(runs[name].map((r) => r.rps)),
    p99: spread(runs[name].map((r) => r.p99)),
    p999: spread(runs[name].map((r) => r.p999)),
    errors: runs[name].reduce((n, r) => n + r.errors, 0),
    runs: runs[name],
  }));
}

async function main() {
  if (!existsSync(join(ROOT, 'dist/main.js'))) throw new Error('run npm run build first');
  const scenarios = (process.env.BENCH_COMPARE_SCENARIOS ?? 'cpu').split(',').map((s) => SCENARIOS[s.trim()]);
  if (scenarios.includes(undefined)) throw new Error(`scenarios are ${Object.keys(SCENARIOS).join(', ')}`);
  const { list, cleanUp } = variants();
  const rows = [];
  try {
    for (const scenario of scenarios) rows.push(...(await compare(scenario, list)));
  } finally {
    cleanUp();
  }
  const limit = process.env.BENCH_MEMORY_LIMIT_MB ? `, in a ${process.env.BENCH_MEMORY_LIMIT_MB} MB memory cgroup` : '';
  const table = [
    `Node ${process.version}, ${ROUNDS} rounds alternated${limit}, ${new Date().toISOString()} (median, min–max)`,
    '',
    '| scenario | variant | CPU ms/request | req/s | p99 ms | p99.9 ms | errors |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.scenario} | ${r.variant} | ${r.cpu.text} | ${r.rps.text} | ${r.p99.text} | ${r.p999.text} | ${r.errors} |`),
  ].join('\n');
  console.log(table);
  writeResult('compare', { node: process.version, rows }, table);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
