'use strict';
// npm run bench:profile — where a hook request's CPU and memory go, CPU-bound (64 connections,
// 1 ms vendor, 10 s after a warm-up): one gateway run under V8's CPU profiler and one under its
// sampling heap profiler, then CPU µs and KB allocated per request for each stage
// (bench/stages.js), and the CPU profile by package, by function and by gateway function.
// Usage: npm run bench:profile [-- top]   (BENCH_IMAGE=1: the gateway as the image runs it)
const { startListener, stop } = require('./processes');
const { profiledRun } = require('./profiled-run');
const { selfTimes, summarize } = require('./profile-summary');
const { STAGES, stageOfStack } = require('./stages');

const LOAD = { mode: 'closed', connections: 64, durationMs: 10_000 };
const GC = 'garbage collection';

/** CPU microseconds per stage over the profile's busy (not idle) samples. */
function cpuByStage(profile) {
  const { selfMicros, parentOf, byId } = selfTimes(profile);
  const stages = new Map();
  for (const [id, us] of selfMicros) {
    const leaf = byId.get(id).callFrame;
    if (leaf.functionName === '(idle)') continue;
    const frames = [];
    for (let at = id; at !== undefined; at = parentOf.get(at)) frames.push(byId.get(at).callFrame);
    const stage = leaf.functionName === '(garbage collector)' ? GC : stageOfStack(frames);
    stages.set(stage, (stages.get(stage) ?? 0) + us);
  }
  return stages;
}

/** Bytes allocated per stage in a sampling heap profile. */
function bytesByStage(profile) {
  const stages = new Map();
  const walk = (node, path) => {
    const frames = [node.callFrame, ...path];
    if (node.selfSize) {
      const stage = stageOfStack(frames);
      stages.set(stage, (stages.get(stage) ?? 0) + node.selfSize);
    }
    for (const child of node.children) walk(child, frames);
  };
  walk(profile.head, []);
  return stages;
}

function stageTable(cpu, heap) {
  const cpuStages = cpuByStage(cpu.profile);
  const heapStages = bytesByStage(heap.profile);
  const busy = [...cpuStages.values()].reduce((a, b) => a + b, 0);
  const bytes = [...heapStages.values()].reduce((a, b) => a + b, 0);
  const usPerRequest = cpu.cpuMsPerRequest * 1000;
  const kbPerRequest = bytes / 1024 / heap.result.completed;
  const lines = ['| stage | CPU µs/request | share | KB allocated/request | share |', '|---|---|---|---|---|'];
  for (const stage of [...STAGES, GC]) {
    const share = (cpuStages.get(stage) ?? 0) / busy;
    const kbShare = (heapStages.get(stage) ?? 0) / bytes;
    lines.push(`| ${stage} | ${Math.round(share * usPerRequest)} | ${pct(share)} | ${(kbShare * kbPerRequest).toFixed(1)} | ${pct(kbShare)} |`);
  }
  lines.push(`| **total** | **${Math.round(usPerRequest)}** | | **${kbPerRequest.toFixed(1)}** | |`);
  return lines.join('\n');
}

const pct = (x) => `${(x * 100).toFixed(1)}%`;

async function main() {
  const vendor = await startListener('bench/fake-vendor.js', ['1']);
  try {
    const cpu = await profiledRun('cpu', vendor.url, LOAD);
    const heap = await profiledRun('heap', vendor.url, LOAD);
    const rate = (run) => `${run.result.rps} req/s, ${run.result.errors} errors`;
    console.log(`CPU profile run: ${rate(cpu)}, ${cpu.cpuMsPerRequest.toFixed(3)} ms CPU/request (process, profiler included); heap profile run: ${rate(heap)}\n`);
    console.log(stageTable(cpu, heap));
    console.log('\nCPU µs: the process CPU per request, split by the share of busy profile samples in each stage (the innermost frame that names one); GC and kernel time of other threads fall under the stages in proportion.');
    summarize(cpu.profile, Number(process.argv[2] ?? 30));
  } finally {
    await stop(vendor.child);
  }
}

main().catch((e) => (console.error(e), process.exit(1)));
