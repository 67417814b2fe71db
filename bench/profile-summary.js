'use strict';
// Summarizes a V8 .cpuprofile (node --cpu-prof): self time by function and by package.
// Usage: node bench/profile-summary.js <file.cpuprofile> [top=25]
const { readFileSync } = require('node:fs');

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const top = Number(process.argv[3] ?? 25);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfMicros = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => selfMicros.set(id, (selfMicros.get(id) ?? 0) + (dt[i] ?? 0)));
const total = [...selfMicros.values()].reduce((a, b) => a + b, 0);

function where(url) {
  if (!url) return '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node-core';
  return url.includes('/dist/') ? 'gateway' : url;
}

const byFunction = new Map();
const byPackage = new Map();
for (const [id, us] of selfMicros) {
  const { callFrame: f } = byId.get(id);
  const fn = `${f.functionName || '(anonymous)'} ${where(f.url)}${f.url ? ':' + (f.lineNumber + 1) : ''}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  byPackage.set(where(f.url), (byPackage.get(where(f.url)) ?? 0) + us);
}
const pct = (us) => ((us / total) * 100).toFixed(1).padStart(5) + '%';
const print = (title, map, n) => {
  console.log(`\n${title}`);
  [...map].sort((a, b) => b[1] - a[1]).slice(0, n).forEach(([k, us]) => console.log(`${pct(us)}  ${k}`));
};
print('self time by package', byPackage, 20);
print('self time by function', byFunction, top);
