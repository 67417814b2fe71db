'use strict';
// The memory soak: 100,000 requests (64 connections, 1 ms vendor) through `node dist/main.js` with
// the bench config, no flags (the image's with BENCH_IMAGE=1), RSS sampled every 10,000;
// BENCH_MEMORY_LIMIT_MB=320 runs the gateway in a memory cgroup, as a pod with that limit.
const { startListener, stop, memoryMb, runLoad } = require('./processes');
const { SECRET, startGateway } = require('./targets');
const { memoryLimit } = require('./memory-limit');

const TOTAL = Number(process.env.BENCH_SOAK_REQUESTS ?? 100_000);
const CHUNK = TOTAL / 10;

async function soak() {
  const vendor = await startListener('bench/fake-vendor.js', ['1']);
  const limit = memoryLimit();
  const server = await startGateway(vendor.url, { image: process.env.BENCH_IMAGE === '1', cgroup: limit?.dir });
  const sample = (requests) => ({ requests, ...memoryMb(server.child.pid) });
  const samples = [sample(0)];
  let errors = 0;
  try {
    for (let done = 0; done < TOTAL; done += CHUNK) {
      const load = { mode: 'closed', connections: 64, durationMs: 600_000, warmupMs: 0, maxRequests: CHUNK };
      const r = await runLoad({ ...load, url: server.url, secret: SECRET, seed: `soak-${Date.now()}-${done}` });
      errors += r.errors;
      samples.push({ ...sample(done + CHUNK), rps: r.rps });
      console.error(`soak ${done + CHUNK}: ${JSON.stringify(samples.at(-1))}`);
    }
  } finally {
    await stop(server.child);
    await stop(vendor.child);
    limit?.remove();
  }
  return { image: process.env.BENCH_IMAGE === '1', memoryLimitMb: limit?.mb, samples, errors };
}

module.exports = { soak };
