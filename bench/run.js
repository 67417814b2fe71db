'use strict';
// npm run bench         — gateway vs raw-Node baseline, three scenarios, report in bench/results/
// npm run bench:soak    — 100,000 requests through the gateway, RSS sampled, fails if it keeps growing
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { ROOT, startListener, stop, cpuSeconds, rssMb, runLoad } = require('./processes');
const { SECRET, targets } = require('./targets');
const { markdownReport, soakReport } = require('./report');

// BENCH_SCALE shortens every run (e.g. 0.2 for a smoke check of the harness).
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SCENARIOS = [
  { name: 'open-loop 200 req/s, 50 ms vendor', vendorMs: 50, load: { mode: 'open', rate: 200, durationMs: 20_000 } },
  { name: '64 connections, 50 ms vendor', vendorMs: 50, load: { mode: 'closed', connections: 64, durationMs: 15_000 } },
  { name: '64 connections, 1 ms vendor', vendorMs: 1, load: { mode: 'closed', connections: 64, durationMs: 15_000 } },
];
const WARMUP = { mode: 'closed', connections: 16, durationMs: 3_000 * SCALE, warmupMs: 0 };
for (const s of SCENARIOS) s.load.durationMs *= SCALE;

async function measure(kind, vendorUrl, load) {
  const server = await targets[kind](vendorUrl);
  const pid = server.child.pid;
  try {
    const rssStartMb = rssMb(pid);
    await runLoad({ ...WARMUP, url: server.url, secret: SECRET, seed: `${kind}-warm-${Date.now()}` });
    const cpu0 = cpuSeconds(pid);
    const result = await runLoad({ warmupMs: 0, ...load, url: server.url, secret: SECRET, seed: `${kind}-${Date.now()}` });
    const cpuMs = (cpuSeconds(pid) - cpu0) * 1000;
    return { ...result, cpuMsPerRequest: Math.round((cpuMs / Math.max(1, result.completed)) * 1000) / 1000, rssStartMb, rssEndMb: rssMb(pid) };
  } finally {
    await stop(server.child);
  }
}

async function bench() {
  const results = [];
  // BENCH_ONLY=<part of a scenario's name> runs that scenario alone, while working on it.
  for (const scenario of SCENARIOS.filter((s) => s.name.includes(process.env.BENCH_ONLY ?? ''))) {
    const vendor = await startListener('bench/fake-vendor.js', [String(scenario.vendorMs)]);
    try {
      const row = { scenario: scenario.name, ...scenario.load, vendorMs: scenario.vendorMs };
      // BENCH_FLOOR=1 adds the relay's job in NestJS on Fastify (bench/framework-floor.js) and on
      // Fastify alone (bench/fastify-floor.js).
      const kinds = process.env.BENCH_FLOOR ? ['baseline', 'fastify floor', 'floor', 'gateway'] : ['baseline', 'gateway'];
      for (const kind of kinds) {
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

async function soak(total = 100_000, chunk = 10_000) {
  const vendor = await startListener('bench/fake-vendor.js', ['1']);
  const server = await targets.gateway(vendor.url);
  const samples = [{ requests: 0, rssMb: rssMb(server.child.pid) }];
  let errors = 0;
  try {
    for (let done = 0; done < total; done += chunk) {
      const r = await runLoad({ mode: 'closed', connections: 64, durationMs: 600_000, warmupMs: 0, maxRequests: chunk, url: server.url, secret: SECRET, seed: `soak-${done}` });
      errors += r.errors;
      samples.push({ requests: done + chunk, rssMb: rssMb(server.child.pid), rps: r.rps });
      console.error(`soak ${done + chunk}: ${JSON.stringify(samples.at(-1))}`);
    }
  } finally {
    await stop(server.child);
    await stop(vendor.child);
  }
  return { samples, errors };
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
  if (process.argv.includes('--soak')) {
    const result = await soak();
    const { markdown, ok } = soakReport(result);
    save(`soak-${stamp}`, result, markdown);
    console.log(markdown);
    process.exitCode = ok ? 0 : 1;
    return;
  }
  const results = await bench();
  const { markdown, ok } = markdownReport(results);
  save(`bench-${stamp}`, { node: process.version, results }, markdown);
  console.log(markdown);
  process.exitCode = ok ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
