'use strict';
// npm run bench:profile — runs the gateway under `node --cpu-prof` with 64 connections and a 1 ms
// vendor (the CPU-bound case), then prints where the time goes (bench/profile-summary.js).
const { spawn } = require('node:child_process');
const { readdirSync, mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { ROOT, freePort, startListener, stop, runLoad, writeTempFile, cpuSeconds } = require('./processes');
const { SECRET, gatewayConfig } = require('./targets');

async function main() {
  const vendor = await startListener('bench/fake-vendor.js', ['1']);
  const port = await freePort();
  // Kept: the profile is this script's result (its path is printed), to open in DevTools.
  const dir = mkdtempSync(join(tmpdir(), 'otg-prof-'));
  const config = writeTempFile('config.yaml', gatewayConfig(vendor.url));
  const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, join(ROOT, 'dist/main.js')], {
    env: { PATH: process.env.PATH, NODE_ENV: 'production', CONFIG_FILE: config, PORT: String(port) },
    stdio: 'ignore',
  });
  await new Promise((r) => setTimeout(r, 3000));
  const target = { url: `http://127.0.0.1:${port}`, secret: SECRET };
  await runLoad({ mode: 'closed', connections: 64, durationMs: 2_000, warmupMs: 0, ...target, seed: `prof-warm-${Date.now()}` });
  // CPU of the measured window only (boot and warm-up excluded); --cpu-prof itself adds some.
  const cpu0 = cpuSeconds(child.pid);
  const result = await runLoad({ mode: 'closed', connections: 64, durationMs: 10_000, warmupMs: 0, ...target, seed: `prof-${Date.now()}` });
  const cpuMsPerRequest = Math.round(((cpuSeconds(child.pid) - cpu0) * 1e6) / Math.max(1, result.completed)) / 1000;
  console.log(JSON.stringify({ ...result, cpuMsPerRequest }));
  child.kill('SIGINT');
  await new Promise((r) => child.once('exit', r));
  await stop(vendor.child);
  const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.cpuprofile')));
  console.log(`profile: ${file}`);
  spawn(process.execPath, [join(ROOT, 'bench/profile-summary.js'), file, process.argv[2] ?? '30'], { stdio: 'inherit' });
}

main().catch((e) => (console.error(e), process.exit(1)));
