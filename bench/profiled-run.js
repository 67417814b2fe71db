'use strict';
// One gateway run under a profiler (bench/profile-sampler.js), for bench/profile.js and
// bench/alloc.js: boot and a 3 s warm-up unprofiled, then the load with the profiler on.
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { ROOT, cpuSeconds, runLoad, stop, tempDir } = require('./processes');
const { SECRET, startGateway } = require('./targets');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `kind` 'cpu' or 'heap'; returns the profile, the load's result and the CPU ms per request. */
async function profiledRun(kind, vendorUrl, load) {
  const file = join(tempDir('otg-profile-'), `${kind}.profile`);
  const nodeFlags = ['--require', join(ROOT, 'bench/profile-sampler.js')];
  const env = { PROFILE_FILE: file, PROFILE_KIND: kind };
  const server = await startGateway(vendorUrl, { image: process.env.BENCH_IMAGE === '1', nodeFlags, env });
  try {
    const target = { url: server.url, secret: SECRET };
    await runLoad({ mode: 'closed', connections: 16, durationMs: 3_000, warmupMs: 0, ...target, seed: `${kind}-warm-${Date.now()}` });
    server.child.kill('SIGWINCH');
    await sleep(200);
    const cpu0 = cpuSeconds(server.child.pid);
    const result = await runLoad({ warmupMs: 0, ...load, ...target, seed: `${kind}-${Date.now()}` });
    const cpuMsPerRequest = ((cpuSeconds(server.child.pid) - cpu0) * 1000) / Math.max(1, result.completed);
    server.child.kill('SIGPWR');
    for (let i = 0; i < 200 && !existsSync(file); i++) await sleep(100);
    await sleep(300);
    return { profile: JSON.parse(readFileSync(file, 'utf8')), result, cpuMsPerRequest };
  } finally {
    await stop(server.child);
  }
}

module.exports = { profiledRun };
