'use strict';
// Turns benchmark results into the markdown tables of bench/results and the README.

const RSS_LIMIT_MB = 150;

function ratio(a, b) {
  return Math.round((a / b) * 100) / 100;
}

function markdownReport(results) {
  const lines = [
    '| scenario | target | req/s | p50 ms | p90 ms | p99 ms | CPU ms/req | RSS start→end MB | errors |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of results) {
    for (const kind of ['baseline', 'gateway']) {
      const r = row[kind];
      lines.push(`| ${row.scenario} | ${kind} | ${r.rps} | ${r.latencyMs.p50} | ${r.latencyMs.p90} | ${r.latencyMs.p99} | ${r.cpuMsPerRequest} | ${r.rssStartMb}→${r.rssEndMb} | ${r.errors} |`);
    }
  }
  const [open, latencyBound, cpuBound] = results;
  const checks = [
    [`open-loop p99: gateway − baseline = ${(open.gateway.latencyMs.p99 - open.baseline.latencyMs.p99).toFixed(2)} ms`, '≤ 3 ms', open.gateway.latencyMs.p99 - open.baseline.latencyMs.p99 <= 3],
    [`latency-bound throughput: gateway / baseline = ${ratio(latencyBound.gateway.rps, latencyBound.baseline.rps)}`, '≥ 0.9', latencyBound.gateway.rps >= 0.9 * latencyBound.baseline.rps],
    [`CPU-bound throughput: gateway / baseline = ${ratio(cpuBound.gateway.rps, cpuBound.baseline.rps)}`, '≥ 0.5', cpuBound.gateway.rps >= 0.5 * cpuBound.baseline.rps],
    [`CPU per request (CPU-bound): gateway / baseline = ${ratio(cpuBound.gateway.cpuMsPerRequest, cpuBound.baseline.cpuMsPerRequest)}`, 'reported', true],
    [`gateway RSS after the runs: ${Math.max(...results.map((r) => r.gateway.rssEndMb))} MB`, `< ${RSS_LIMIT_MB} MB`, results.every((r) => r.gateway.rssEndMb < RSS_LIMIT_MB)],
    [`errors: ${results.reduce((n, r) => n + r.gateway.errors + r.baseline.errors, 0)}`, '0', results.every((r) => r.gateway.errors === 0 && r.baseline.errors === 0)],
  ];
  lines.push('', '| check | target | result |', '|---|---|---|');
  for (const [what, target, ok] of checks) lines.push(`| ${what} | ${target} | ${ok ? 'pass' : 'FAIL'} |`);
  return { markdown: lines.join('\n') + '\n', ok: checks.every(([, , ok]) => ok) };
}

/** Least-squares slope of RSS over requests, in MB per 10,000 requests. */
function slope(samples) {
  const n = samples.length;
  const mx = samples.reduce((s, p) => s + p.requests, 0) / n;
  const my = samples.reduce((s, p) => s + p.rssMb, 0) / n;
  const num = samples.reduce((s, p) => s + (p.requests - mx) * (p.rssMb - my), 0);
  const den = samples.reduce((s, p) => s + (p.requests - mx) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 10_000;
}

function soakReport({ samples, errors }) {
  const steady = samples.slice(Math.ceil(samples.length / 2));
  const growth = Math.round(slope(steady) * 100) / 100;
  const final = samples.at(-1).rssMb;
  const ok = errors === 0 && final < RSS_LIMIT_MB && growth < 1;
  const lines = ['| requests | RSS MB | req/s |', '|---|---|---|', ...samples.map((s) => `| ${s.requests} | ${s.rssMb} | ${s.rps ?? ''} |`)];
  lines.push('', `RSS trend over the second half: ${growth} MB per 10,000 requests (limit 1); final ${final} MB (limit ${RSS_LIMIT_MB}); errors ${errors}: ${ok ? 'pass' : 'FAIL'}`);
  return { markdown: lines.join('\n') + '\n', ok };
}

module.exports = { markdownReport, soakReport };
