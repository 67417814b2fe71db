'use strict';
// npm run bench:memory — where the gateway's memory goes: boots it with bench/memory-sampler.js,
// runs closed-loop load in chunks and prints RSS, V8 heap spaces and external memory after each.
// Options (env): MEMORY_CHUNKS (default 5), MEMORY_CHUNK (requests, default 10,000),
// BENCH_IMAGE=1 (run as the image does: its node flags and NODE_OPTIONS; default: no flags), MEMORY_GC=1 (collect
// garbage before sampling: separates retained objects from not yet collected ones),
// MEMORY_EXTRA_CONFIG (YAML appended to the bench config, e.g. 'store: { memoryMaxEntries: 1000 }'),
// MEMORY_SNAPSHOT=1 (a heap snapshot in the temp folder at the end), BENCH_MEMORY_LIMIT_MB (start the
// gateway in a memory cgroup of that size, as a pod with that limit; bench/memory-limit.js).
const { readFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const { ROOT, startListener, stop, rssMb, runLoad, tempDir } = require('./processes');
const { SECRET, startGateway } = require('./targets');
const { memoryLimit } = require('./memory-limit');

const CHUNKS = Number(process.env.MEMORY_CHUNKS ?? 5);
const CHUNK = Number(process.env.MEMORY_CHUNK ?? 10_000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function sample(child, file) {
  process.kill(child.pid, 'SIGPWR');
  for (let i = 0; i < 50 && !existsSync(file); i++) await sleep(20);
  await sleep(50);
  const { usage, spaces } = JSON.parse(readFileSync(file, 'utf8'));
  require('node:fs').rmSync(file);
  const space = (name) => spaces[name]?.sizeMb ?? 0;
  return { rssProc: rssMb(child.pid), ...usage, newSpace: space('new_space'), oldSpace: space('old_space'), code: space('code_space'), lo: space('large_object_space') };
}

async function main() {
  const vendor = await startListener('bench/fake-vendor.js', ['1']);
  const dir = tempDir('otg-memory-');
  const file = join(dir, 'sample.json');
  const nodeFlags = [
    '--require', process.env.MEMORY_SAMPLER ?? join(ROOT, 'bench/memory-sampler.js'),
    ...(process.env.MEMORY_GC === '1' ? ['--expose-gc'] : []),
    ...(process.env.MEMORY_SNAPSHOT === '1' ? ['--heapsnapshot-signal=SIGUSR2'] : []),
  ];
  const limit = memoryLimit();
  const server = await startGateway(vendor.url, { image: process.env.BENCH_IMAGE === '1', nodeFlags, env: { MEMORY_SAMPLE_FILE: file }, extraConfig: process.env.MEMORY_EXTRA_CONFIG ?? '', cgroup: limit?.dir });
  try {
    console.log(JSON.stringify({ requests: 0, ...(await sample(server.child, file)) }));
    for (let i = 1; i <= CHUNKS; i++) {
      const r = await runLoad({ mode: 'closed', connections: 64, durationMs: 600_000, warmupMs: 0, maxRequests: CHUNK, url: server.url, secret: SECRET, seed: `mem-${Date.now()}-${i}` });
      console.log(JSON.stringify({ requests: i * CHUNK, rps: r.rps, errors: r.errors, ...(await sample(server.child, file)) }));
    }
    if (process.env.MEMORY_SNAPSHOT === '1') {
      process.kill(server.child.pid, 'SIGUSR2');
      await sleep(5000);
      console.log(`snapshot in the gateway's working folder (${ROOT})`);
    }
  } finally {
    await stop(server.child);
    await stop(vendor.child);
    limit?.remove();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
