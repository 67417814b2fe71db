'use strict';
// Two builds of the gateway side by side: the working tree's dist/ and the build of a git ref,
// alternated over rounds in one run (the order swapped every round), CPU-bound (64 connections,
// 1 ms vendor), each as `node dist/main.js` with no flags (BENCH_COMPARE_IMAGE=1: as the image runs
// it). A change of a few percent in CPU per request is within one run's noise; the medians of
// alternated rounds are what to compare.
// Usage: BENCH_COMPARE=<git ref> npm run bench:compare   (BENCH_COMPARE_ROUNDS=5, BENCH_SCALE=1)
const { existsSync, rmSync } = require('node:fs');
const { join } = require('node:path');
const { ROOT, cpuSeconds, runLoad, startListener, stop } = require('./processes');
const { SECRET, startGateway } = require('./targets');
const { spread, spreadOf, writeResult } = require('./decisions/result');
const { buildRef } = require('./build-ref');

const REF = process.env.BENCH_COMPARE;
const ROUNDS = Number(process.env.BENCH_COMPARE_ROUNDS ?? 5);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const IMAGE = process.env.BENCH_COMPARE_IMAGE === '1';
const LOAD = { mode: 'closed', connections: 64, durationMs: 8_000 * SCALE, warmupMs: 0 };
const WARMUP = { mode: 'closed', connections: 16, durationMs: 3_000 * SCALE, warmupMs: 0 };

async function measure(main, vendorUrl, name) {
  const server = await startGateway(vendorUrl, { image: IMAGE, main });
  try {
    await runLoad({ ...WARMUP, url: server.url, secret: SECRET, seed: `${name}-warm-${Date.now()}` });
    const cpu0 = cpuSeconds(server.child.pid);
    const result = await runLoad({ ...LOAD, url: server.url, secret: SECRET, seed: `${name}-${Date.now()}` });
    const cpuMs = (cpuSeconds(server.child.pid) - cpu0) * 1000;
    return { rps: result.rps, errors: result.errors, cpuMsPerRequest: cpuMs / Math.max(1, result.completed) };
  } finally {
    await stop(server.child);
  }
}

async function main() {
  if (!REF) throw new Error('set BENCH_COMPARE to a git ref');
  if (!existsSync(join(ROOT, 'dist/main.js'))) throw new Error('run npm run build first');
  const other = buildRef(REF);
  const builds = [
    { name: REF, main: join(other, 'dist/main.js') },
    { name: 'working tree', main: join(ROOT, 'dist/main.js') },
  ];
  const runs = Object.fromEntries(builds.map((b) => [b.name, []]));
  const vendor = await startListener('bench/fake-vendor.js', ['1']);
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < builds.length; i++) {
        const build = builds[(i + round) % builds.length];
        const run = await measure(build.main, vendor.url, build.name);
        runs[build.name].push(run);
        console.error(`${build.name} · round ${round + 1}: ${JSON.stringify(run)}`);
      }
    }
  } finally {
    await stop(vendor.child);
    rmSync(other, { recursive: true, force: true });
  }
  const rows = builds.map((b) => ({
    build: b.name,
    cpu: spreadOf(runs[b.name].map((r) => r.cpuMsPerRequest), 3),
    rps: spread(runs[b.name].map((r) => r.rps)),
    errors: runs[b.name].reduce((n, r) => n + r.errors, 0),
    runs: runs[b.name],
  }));
  const table = [
    `Node ${process.version}, 64 connections, 1 ms vendor, ${IMAGE ? 'as the image runs it' : 'no flags'}, ${ROUNDS} rounds alternated, ${new Date().toISOString()} (median, min–max)`,
    '',
    '| build | CPU ms/request | req/s | errors |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.build} | ${r.cpu.text} | ${r.rps.text} | ${r.errors} |`),
  ].join('\n');
  console.log(table);
  writeResult('compare', { node: process.version, ref: REF, image: IMAGE, rows }, table);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
