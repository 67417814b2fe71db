'use strict';
// Preloaded into the gateway by bench/alloc.js (node --require): V8's sampling heap profiler,
// counting objects the garbage collector has already freed too, so the profile shows everything
// allocated (not only what is still alive). SIGWINCH starts it; SIGPWR stops it and writes the
// profile to ALLOC_PROFILE_FILE.
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');

const file = process.env.ALLOC_PROFILE_FILE;
if (file) {
  const session = new inspector.Session();
  session.connect();
  const options = { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true };
  process.on('SIGWINCH', () => session.post('HeapProfiler.enable', () => session.post('HeapProfiler.startSampling', options)));
  process.on('SIGPWR', () =>
    session.post('HeapProfiler.stopSampling', (error, result) => writeFileSync(file, error ? JSON.stringify({ error: String(error) }) : JSON.stringify(result.profile))),
  );
}
