'use strict';
// BENCH_MEMORY_LIMIT_MB: run the gateway in a memory cgroup of that size, as a pod with a memory
// limit runs it. Node sizes V8's heap from the cgroup's limit (process.constrainedMemory()), so
// with no flags a 24 GB bench machine and a 320Mi pod give very different heaps (docs/performance.md,
// Memory). Needs a writable cgroup v1 memory controller or cgroup v2 (root, no container runtime).
const { existsSync, mkdirSync, rmdirSync, writeFileSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const V1 = '/sys/fs/cgroup/memory';
const V2 = ['/sys/fs/cgroup', '/sys/fs/cgroup/unified'];

/** The cgroup v2 root whose controllers include memory, if any. */
function v2Root() {
  return V2.find((root) => {
    const file = join(root, 'cgroup.controllers');
    return existsSync(file) && readFileSync(file, 'utf8').split(/\s+/).includes('memory');
  });
}

/**
 * A fresh cgroup limited to `mb` MB, or undefined when BENCH_MEMORY_LIMIT_MB is unset. Its
 * `dir` goes to startServer, which starts the program inside it; `remove()` when it has exited.
 */
function memoryLimit(mb = process.env.BENCH_MEMORY_LIMIT_MB) {
  if (!mb) return undefined;
  const bytes = String(Math.round(Number(mb) * 1024 * 1024));
  const name = `otg-bench-${process.pid}-${Date.now()}`;
  const root = existsSync(join(V1, 'memory.limit_in_bytes')) ? V1 : v2Root();
  if (!root) throw new Error('BENCH_MEMORY_LIMIT_MB: no writable memory cgroup on this machine');
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, root === V1 ? 'memory.limit_in_bytes' : 'memory.max'), bytes);
  return { dir, mb: Number(mb), remove: () => rmdirSync(dir) };
}

/** `node args` started inside the cgroup at `dir`: the shell joins it, then becomes node. */
function inCgroup(dir, args) {
  return ['/bin/sh', ['-c', 'echo $$ > "$0/cgroup.procs" && exec "$@"', dir, process.execPath, ...args]];
}

module.exports = { memoryLimit, inCgroup };
