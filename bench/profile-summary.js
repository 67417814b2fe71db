'use strict';
// Summarizes a V8 CPU profile: self time by function and by package, and the inclusive share of
// busy time of the gateway's own functions (synchronous stacks only: time after an `await` counts
// under the microtask that resumes it).
// Usage: node bench/profile-summary.js <file.cpuprofile> [top=25]
const { readFileSync } = require('node:fs');
const { packageOf: where, functionLabel: label } = require('./code-location');

/** Self microseconds per profile node id, and each node's parent. */
function selfTimes(profile) {
  const parentOf = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Stopping the profiler (bench/profile-sampler.js) is not the gateway's work.
  const sampler = (id) => {
    for (let at = id; at !== undefined; at = parentOf.get(at)) if (byId.get(at).callFrame.url.includes('profile-sampler')) return true;
    return false;
  };
  const selfMicros = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => !sampler(id) && selfMicros.set(id, (selfMicros.get(id) ?? 0) + (dt[i] ?? 0)));
  return { selfMicros, parentOf, byId };
}

function summarize(profile, top = 25) {
  const { selfMicros, parentOf, byId } = selfTimes(profile);
  const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map();
  const byPackage = new Map();
  for (const [id, us] of selfMicros) {
    const { callFrame: f } = byId.get(id);
    byFunction.set(label(f), (byFunction.get(label(f)) ?? 0) + us);
    byPackage.set(where(f.url), (byPackage.get(where(f.url)) ?? 0) + us);
  }
  const inclusive = new Map();
  let busy = 0;
  for (const [id, us] of selfMicros) {
    if (byId.get(id).callFrame.functionName === '(idle)') continue;
    busy += us;
    const seen = new Set();
    for (let at = id; at !== undefined; at = parentOf.get(at)) {
      const f = byId.get(at).callFrame;
      if (where(f.url) === 'gateway') seen.add(label(f));
    }
    for (const fn of seen) inclusive.set(fn, (inclusive.get(fn) ?? 0) + us);
  }
  print('self time by package', byPackage, 20, total);
  print('self time by function', byFunction, top, total);
  print('gateway functions, inclusive share of busy time', inclusive, top, busy);
}

function print(title, map, n, of) {
  console.log(`\n${title}`);
  const pct = (us) => ((us / of) * 100).toFixed(1).padStart(5) + '%';
  [...map].sort((a, b) => b[1] - a[1]).slice(0, n).forEach(([k, us]) => console.log(`${pct(us)}  ${k}`));
}

if (require.main === module) summarize(JSON.parse(readFileSync(process.argv[2], 'utf8')), Number(process.argv[3] ?? 25));

module.exports = { selfTimes, summarize };
