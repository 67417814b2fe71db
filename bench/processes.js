'use strict';
// Starting, probing and measuring the processes of a benchmark run.
const { spawn, execFile } = require('node:child_process');
const { readFileSync, writeFileSync, mkdtempSync, rmSync } = require('node:fs');
const net = require('node:net');
const http = require('node:http');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { inCgroup } = require('./memory-limit');

const ROOT = resolve(__dirname, '..');
const CLK_TCK = 100;

function freePort() {
  return new Promise((done) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Starts a node script that prints "listening <port>". */
function startListener(script, args = [], env = {}) {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, script), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (line) => {
      const match = /listening (\d+)/.exec(line);
      if (match) done({ child, url: `http://127.0.0.1:${match[1]}` });
    });
    child.on('exit', (code) => fail(new Error(`${script} exited with ${code}`)));
  });
}

/**
 * Starts a server on `port` and waits until `readyPath` answers 200. Its output is discarded, or
 * written to the file descriptor `stdout`. `cgroup`: a memory cgroup's folder to start it in
 * (bench/memory-limit.js).
 */
async function startServer(args, env, port, readyPath, cgroup, stdout = 'ignore') {
  const [command, argv] = cgroup ? inCgroup(cgroup, args) : [process.execPath, args];
  const child = spawn(command, argv, { cwd: ROOT, env: { PATH: process.env.PATH, ...env, PORT: String(port) }, stdio: ['ignore', stdout, 'ignore'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    if (await answers200(`${url}${readyPath}`)) return { child, url };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${args.join(' ')} did not become ready`);
}

function answers200(url) {
  return new Promise((done) => {
    http.get(url, (res) => (res.resume(), done(res.statusCode === 200))).on('error', () => done(false));
  });
}

function stop(child) {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGKILL');
  });
}

/** User + system CPU seconds the process has used so far. */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

/**
 * RSS in MB, and its two parts: anonymous (the heap, V8's and malloc's: what the process costs)
 * and file-backed (pages of the node binary and libraries: shared with other processes running
 * the same files, and given back to the kernel under memory pressure). One read of
 * /proc/<pid>/status.
 */
function memoryMb(pid) {
  const lines = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n');
  const mb = (field) => {
    const line = lines.find((l) => l.startsWith(`${field}:`));
    return Math.round((Number(line.split(/\s+/)[1]) / 1024) * 10) / 10;
  };
  return { rssMb: mb('VmRSS'), anonMb: mb('RssAnon'), fileMb: mb('RssFile') };
}

function rssMb(pid) {
  return memoryMb(pid).rssMb;
}

/** The machine's CPU time so far, in clock ticks: all of it, and what the hypervisor stole. */
function machineTicks() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is counted in user already)
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  return { total, steal: fields[7] ?? 0 };
}

/**
 * The share of the machine's CPU time the hypervisor gave to other guests since `before`
 * (machineTicks()), in percent: on a shared VM, a run with 20% steal is a slower machine, not a
 * slower program.
 */
function stealPercent(before) {
  const after = machineTicks();
  const total = after.total - before.total;
  return total > 0 ? Math.round(((after.steal - before.steal) / total) * 1000) / 10 : 0;
}

/** Runs bench/load.js with these options and returns its JSON result. */
function runLoad(options) {
  return new Promise((done, fail) => {
    execFile(process.execPath, [join(ROOT, 'bench/load.js'), JSON.stringify(options)], { maxBuffer: 1 << 20 }, (error, stdout) =>
      error ? fail(error) : done(JSON.parse(stdout)),
    );
  });
}

const tempDirs = [];
process.on('exit', () => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A new folder under the OS temp directory, removed when this process exits. */
function tempDir(prefix = 'otg-bench-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** A file in a temp folder of its own, removed when this process exits. */
function writeTempFile(name, content) {
  const file = join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

module.exports = { ROOT, freePort, startListener, startServer, stop, cpuSeconds, rssMb, memoryMb, machineTicks, stealPercent, runLoad, writeTempFile, tempDir };
