'use strict';
// The build of another git ref, for benches that compare two builds (bench:compare, bench:tracing).
const { execSync } = require('node:child_process');
const { mkdtempSync, rmSync, symlinkSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { ROOT } = require('./processes');

/** The build of `ref` in a temporary folder (its dist/ beside a link to our node_modules). */
function buildRef(ref) {
  const dir = mkdtempSync(join(tmpdir(), 'otg-bench-ref-'));
  try {
    execSync(`git archive ${ref} | tar -x -C ${dir}`, { cwd: ROOT, stdio: 'inherit' });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    execSync('node_modules/.bin/nest build', { cwd: dir, stdio: 'inherit' });
    return dir;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

module.exports = { buildRef };
