'use strict';
// npm run bench:alloc — what the gateway allocates per request, by package and by function: the
// open-loop scenario (200 req/s, 50 ms vendor, 15 s) under V8's sampling heap profiler
// (bench/profile-sampler.js). Allocation drives the scavenges behind the open-loop p99 gap.
// BENCH_IMAGE=1 runs the gateway as the image does (default: no flags).
const { startListener, stop } = require('./processes');
const { packageOf, functionLabel } = require('./code-location');
const { profiledRun } = require('./profiled-run');

async function main() {
  const vendor = await startListener('bench/fake-vendor.js', ['50']);
  try {
    const { profile, result } = await profiledRun('heap', vendor.url, { mode: 'open', rate: 200, durationMs: 15_000 });
    summarize(profile, result.completed);
  } finally {
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
