'use strict';
// npm run bench       — every scenario against every program in one run, then the memory soak;
//                       prints the figures, the ratios and PASS/FAIL per target (bench/report.js)
// npm run bench:soak  — the memory soak alone
// Knobs: BENCH_SCALE (shortens every scenario), BENCH_ONLY (scenarios whose name contains it; no
// soak), BENCH_TARGETS (comma-separated program names), BENCH_FLOOR=1 (adds the Fastify floor),
// BENCH_SOAK=0 (no soak), BENCH_MEMORY_LIMIT_MB (every program in a memory cgroup of that size, as
// in a pod: bench/memory-limit.js).
const { mkdirSync, writeFileSync } = require('node:fs');
const { loadavg, cpus } = require('node:os');
const { join } = require('node:path');
const { ROOT, startListener, stop, cpuSeconds, rssMb, runLoad, machineTicks, stealPercent } = require('./processes');
const { SECRET, targets } = require('./targets');
const { soak } = require('./soak');
const { markdownReport, soakReport } = require('./report');

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SCENARIOS = [
  { name: 'open-loop 200 req/s, 50 ms vendor', vendorMs: 50, load: { mode: 'open', rate: 200, durationMs: 30_000 } },
  { name: '64 connections, 50 ms vendor', vendorMs: 50, load: { mode: 'closed', connections: 64, durationMs: 15_000 } },
  { name: '64 connections, 1 ms vendor', vendorMs: 1, load: { mode: 'closed', connections: 64, durationMs: 15_000 } },
];
const WARMUP = { mode: 'closed', connections: 16, durationMs: 3_000 * SCALE, warmupMs: 0 };
for (const s of SCENARIOS) s.load.durationMs *= SCALE;

function kinds() {
  const all = ['relay', 'NestJS floor', 'Express + twilio', 'gateway', 'gateway (image)'];
  if (process.env.BENCH_FLOOR) all.splice(2, 0, 'Fastify floor');
  const only = process.env.BENCH_TARGETS?.split(',').map((k) => k.trim());
  return only ? all.filter((k) => only.includes(k)) : all;
}

async function measure(kind, vendorUrl, load) {
  const server = await targets[kind](vendorUrl);
  const pid = server.child.pid;
  try {
    const rssStartMb = rssMb(pid);
    await runLoad({ ...WARMUP, url: server.url, secret: SECRET, seed: `${kind}-warm-${Date.now()}` });
    const cpu0 = cpuSeconds(pid);
    const ticks = machineTicks();
    const result = await runLoad({ warmupMs: 0, ...load, url: server.url, secret: SECRET, seed: `${kind}-${Date.now()}` });
    const cpuMs = (cpuSeconds(pid) - cpu0) * 1000;
    const cpuMsPerRequest = Math.round((cpuMs / Math.max(1, result.completed)) * 1000) / 1000;
    const stealPct = stealPercent(ticks);
    return { ...result, cpuMsPerRequest, rssStartMb, rssEndMb: rssMb(pid), loadAverage: round2(loadavg()[0]), stealPct };
  } finally {
    await stop(server.child);
  }
}

async function bench() {
  const results = [];
  const list = kinds();
  const scenarios = SCENARIOS.filter((s) => s.name.includes(process.env.BENCH_ONLY ?? ''));
  for (const [index, scenario] of scenarios.entries()) {
    const vendor = await startListener('bench/fake-vendor.js', [String(scenario.vendorMs)]);
    try {
      const row = { scenario: scenario.name, ...scenario.load, vendorMs: scenario.vendorMs };
      // The order rotates from scenario to scenario, so no program always runs first or last.
      for (let i = 0; i < list.length; i++) {
        const kind = list[(i + index) % list.length];
        row[kind] = await measure(kind, vendor.url, scenario.load);
        console.error(`${scenario.name} · ${kind}: ${JSON.stringify(row[kind])}`);
      }
      results.push(row);
    } finally {
      await stop(vendor.child);
    }
  }
  return results;
}

function round2(n) {
  return Math.round(n * 100) / 100;
}

function save(name, json, markdown) {
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  for (const file of [name, 'latest-' + name.replace(/-\d{4}-.*/, '')]) {
    writeFileSync(join(dir, `${file}.json`), JSON.stringify(json, null, 2) + '\n');
    writeFileSync(join(dir, `${file}.md`), markdown);
  }
}

async function main() {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const memoryLimitMb = process.env.BENCH_MEMORY_LIMIT_MB ? Number(process.env.BENCH_MEMORY_LIMIT_MB) : undefined;
  const ticks = machineTicks();
  const machine = { node: process.version, cores: cpus().length, memoryLimitMb, loadAverageAtStart: loadavg().map(round2), started: new Date().toISOString() };
  if (process.argv.includes('--soak')) {
    const result = await soak();
    const { markdown, ok } = soakReport(result);
    save(`soak-${stamp}`, { ...machine, stealPct: stealPercent(ticks), ...result }, markdown);
    console.log(markdown);
    process.exitCode = ok ? 0 : 1;
    return;
  }
  const results = await bench();
  const withSoak = process.env.BENCH_SOAK !== '0' && !process.env.BENCH_ONLY;
  const soaked = withSoak ? await soak() : undefined;
  const run = { ...machine, loadAverageAtEnd: loadavg().map(round2), stealPct: stealPercent(ticks), results, soak: soaked };
  const { markdown, ok } = markdownReport(run);
  save(`bench-${stamp}`, run, markdown);
  console.log(markdown);
  process.exitCode = ok ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
