'use strict';
// How the image runs node, read from the Dockerfile: the flags of its ENTRYPOINT (those
// NODE_OPTIONS may not carry, e.g. --single-threaded-gc) and its ENV NODE_OPTIONS. The benchmarks
// run the gateway this way (bench/targets.js), and so does the e2e test of the embedded default.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

function imageNode() {
  const dockerfile = readFileSync(join(__dirname, '..', 'Dockerfile'), 'utf8');
  const entrypoint = /^ENTRYPOINT (\[.*\])$/m.exec(dockerfile);
  const nodeOptions = /^ENV NODE_OPTIONS="([^"]*)"$/m.exec(dockerfile);
  if (!entrypoint || !nodeOptions) throw new Error('Dockerfile: no ENTRYPOINT or NODE_OPTIONS');
  const flags = JSON.parse(entrypoint[1]).filter((word) => word.startsWith('--'));
  return { flags, nodeOptions: nodeOptions[1] };
}

module.exports = { imageNode };
