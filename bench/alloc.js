'use strict';
// npm run bench:alloc — what the gateway allocates per request, by package and by function: the
// open-loop scenario (200 req/s, 50 ms vendor, 15 s) under V8's sampling heap profiler
// (bench/alloc-sampler.js). Allocation drives the scavenges behind the open-loop p99 gap.
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { ROOT, startListener, stop, runLoad, tempDir } = require('./processes');
const { SECRET, targets } = require('./targets');
const { packageOf, functionLabel } = require('./code-location');

async function main() {
  const vendor = await startListener('bench/fake-vendor.js', ['50']);
  const file = join(tempDir('otg-alloc-'), 'alloc.heapprofile');
  const nodeFlags = ['--require', join(ROOT, 'bench/alloc-sampler.js')];
  const server = await targets.gateway(vendor.url, { nodeFlags, env: { ALLOC_PROFILE_FILE: file } });
  try {
    const target = { url: server.url, secret: SECRET };
    await runLoad({ mode: 'closed', connections: 16, durationMs: 3_000, warmupMs: 0, ...target, seed: `alloc-warm-${Date.now()}` });
    server.child.kill('SIGWINCH');
    await new Promise((r) => setTimeout(r, 200));
    const result = await runLoad({ mode: 'open', rate: 200, durationMs: 15_000, warmupMs: 0, ...target, seed: `alloc-${Date.now()}` });
    server.child.kill('SIGPWR');
    for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
    summarize(JSON.parse(readFileSync(file, 'utf8')), result.completed);
  } finally {
    await stop(server.child);
    await stop(vendor.child);
  }
}

function summarize(profile, requests) {
  const byPackage = new Map();
  const byFunction = new Map();
  let total = 0;
  const walk = (node) => {
    const name = functionLabel(node.callFrame);
    const where = packageOf(node.callFrame.url);
    if (node.selfSize) {
      total += node.selfSize;
      byPackage.set(where, (byPackage.get(where) ?? 0) + node.selfSize);
      byFunction.set(name, (byFunction.get(name) ?? 0) + node.selfSize);
    }
    node.children.forEach(walk);
  };
  walk(profile.head);
  console.log(`${requests} requests, ~${Math.round(total / 1024 / requests)} KB allocated per request (sampled)`);
  for (const [title, map] of [['by package', byPackage], ['by function', byFunction]]) {
    console.log(`\n${title}`);
    [...map].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, v]) => console.log(`${((v / total) * 100).toFixed(1).padStart(5)}%  ${k}`));
  }
}

main().catch((e) => (console.error(e), process.exit(1)));
