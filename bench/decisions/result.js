'use strict';
// Shared by the decision benchmarks: median and range of repeated figures, and the result files.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { ROOT } = require('../processes');

/** Median and min–max of `values`, rounded, with a text for the tables. */
function spread(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v) => (v >= 100 ? Math.round(v) : Math.round(v * 10) / 10);
  const median = round(sorted[Math.floor(sorted.length / 2)]);
  const [min, max] = [round(sorted[0]), round(sorted[sorted.length - 1])];
  return { median, min, max, text: `${median} (${min}–${max})` };
}

/** spread() rounds below 100 to one decimal; CPU ms per request needs three. */
function spreadOf(values, digits) {
  const f = 10 ** digits;
  const scaled = spread(values.map((v) => v * f));
  const back = (v) => Math.round(v) / f;
  return { median: back(scaled.median), min: back(scaled.min), max: back(scaled.max), text: `${back(scaled.median)} (${back(scaled.min)}–${back(scaled.max)})` };
}

/** Writes bench/results/<name>-<time>.json and .md. */
function writeResult(name, json, markdown) {
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(join(dir, `${name}-${stamp}.json`), JSON.stringify(json, null, 2));
  writeFileSync(join(dir, `${name}-${stamp}.md`), `${markdown}\n`);
}

module.exports = { spread, spreadOf, writeResult };
