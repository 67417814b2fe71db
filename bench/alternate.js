'use strict';
// Gateway variants measured in alternated rounds against one fake vendor (bench:compare,
// bench:tracing): the order rotates every round, so no variant always runs first or last, and each
// figure is the median of its rounds.
const { cpuSeconds, runLoad, startListener, stop, machineTicks, stealPercent } = require('./processes');
const { SECRET, startGateway } = require('./targets');
const { spread, spreadOf } = require('./decisions/result');

/** One gateway run: started with the variant's options, warmed up, loaded, stopped. */
async function measure(variant, vendorUrl, load, warmup) {
  const server = await startGateway(vendorUrl, variant.options);
  try {
    await runLoad({ ...warmup, url: server.url, secret: SECRET, seed: `${variant.name}-warm-${Date.now()}` });
    const cpu0 = cpuSeconds(server.child.pid);
    const ticks = machineTicks();
    const result = await runLoad({ warmupMs: 0, ...load, url: server.url, secret: SECRET, seed: `${variant.name}-${Date.now()}` });
    const cpuMs = (cpuSeconds(server.child.pid) - cpu0) * 1000;
    const { p99, p999 } = result.latencyMs;
    const cpuMsPerRequest = cpuMs / Math.max(1, result.completed);
    return { rps: result.rps, p99, p999, errors: result.errors, cpuMsPerRequest, stealPct: stealPercent(ticks) };
  } finally {
    await stop(server.child);
  }
}

/**
 * `rounds` runs of every variant of `list` ({ name, options for startGateway }) in `scenario`
 * ({ name, vendorMs, load }), alternated; one row per variant: medians and min–max, all runs.
 */
async function alternate(scenario, list, rounds, warmup) {
  const runs = Object.fromEntries(list.map((v) => [v.name, []]));
  const vendor = await startListener('bench/fake-vendor.js', [String(scenario.vendorMs)]);
  try {
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < list.length; i++) {
        const variant = list[(i + round) % list.length];
        const run = await measure(variant, vendor.url, scenario.load, warmup);
        runs[variant.name].push(run);
        console.error(`${scenario.name} · ${variant.name} · round ${round + 1}: ${JSON.stringify(run)}`);
      }
    }
  } finally {
    await stop(vendor.child);
  }
  return list.map(({ name }) => ({
    scenario: scenario.name,
    variant: name,
    cpu: spreadOf(runs[name].map((r) => r.cpuMsPerRequest), 3),
    rps: spread(runs[name].map((r) => r.rps)),
    p99: spread(runs[name].map((r) => r.p99)),
    p999: spread(runs[name].map((r) => r.p999)),
    steal: spread(runs[name].map((r) => r.stealPct)),
    errors: runs[name].reduce((n, r) => n + r.errors, 0),
    runs: runs[name],
  }));
}

module.exports = { alternate };
