'use strict';
// Preloaded into the gateway by bench/memory.js (node --require): on SIGPWR it writes
// process.memoryUsage() and V8 heap-space sizes to MEMORY_SAMPLE_FILE, after a full collection
// when started with --expose-gc.
const { writeFileSync } = require('node:fs');
const v8 = require('node:v8');

const file = process.env.MEMORY_SAMPLE_FILE;
if (file) {
  process.on('SIGPWR', () => {
    if (typeof global.gc === 'function') global.gc();
    const spaces = Object.fromEntries(
      v8.getHeapSpaceStatistics().map((s) => [s.space_name, { sizeMb: mb(s.space_size), usedMb: mb(s.space_used_size) }]),
    );
    const usage = Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, mb(v)]));
    writeFileSync(file, JSON.stringify({ usage, spaces }) + '\n');
  });
}

function mb(bytes) {
  return Math.round((bytes / 1048576) * 10) / 10;
}
