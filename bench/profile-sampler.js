'use strict';
// Preloaded into the gateway by bench/profile.js and bench/alloc.js (node --require): SIGWINCH
// starts a profiler of the kind PROFILE_KIND names, SIGPWR stops it and writes the profile to
// PROFILE_FILE. `cpu`: V8's sampling CPU profiler (every 100 µs); `heap`: V8's sampling heap
// profiler, counting objects the garbage collector has already freed too, so the profile shows
// everything allocated (not only what is still alive).
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');

const file = process.env.PROFILE_FILE;
const kind = process.env.PROFILE_KIND ?? 'heap';
const STEPS = {
  cpu: { enable: 'Profiler.enable', start: 'Profiler.start', stop: 'Profiler.stop', options: {} },
  heap: {
    enable: 'HeapProfiler.enable',
    start: 'HeapProfiler.startSampling',
    stop: 'HeapProfiler.stopSampling',
    options: { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true },
  },
};

if (file) {
  const steps = STEPS[kind];
  const session = new inspector.Session();
  session.connect();
  process.on('SIGWINCH', () => session.post(steps.enable, () => session.post(steps.start, steps.options)));
  process.on('SIGPWR', () =>
    session.post(steps.stop, (error, result) => writeFileSync(file, error ? JSON.stringify({ error: String(error) }) : JSON.stringify(result.profile))),
  );
}
