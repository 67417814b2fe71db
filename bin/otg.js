#!/usr/bin/env node
'use strict';
// The `otg` command line (docs/cli.md). It runs the build: `npm run build` first in a clone; the
// image ships dist/. This file is the only place that reads the process's environment and streams.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const main = join(__dirname, '..', 'dist', 'cli', 'main.js');
if (!existsSync(main)) {
  process.stderr.write('otg: dist/cli/main.js is missing; run `npm run build` first.\n');
  process.exit(2);
}
require(main)
  .run(process.argv, process.env, { stdout: process.stdout, stderr: process.stderr })
  .then((code) => {
    process.exitCode = code;
  });
