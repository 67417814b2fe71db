'use strict';
// Turns benchmark results into the markdown tables of bench/results and docs/performance.md.

const RSS_LIMIT_MB = 150;

function ratio(a, b) {
  return Math.round((a / b) * 100) / 100;
}

const KINDS = ['baseline', 'fastify floor', 'floor', 'gateway'];

function markdownReport(results) {
  const lines = [
    '| scenario | target | req/s | p50 ms | p90 ms | p99 ms | CPU ms/req | RSS start→end MB | errors |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of results) {
    for (const kind of KINDS.filter((k) => row[k])) {
      const r = row[kind];
      lines.push(`| ${row.scenario} | ${kind} | ${r.rps} | ${r.latencyMs.p50} | ${r.latencyMs.p90} | ${r.latencyMs.p99} | ${r.cpuMsPerRequest} | ${r.rssStartMb}→${r.rssEndMb} | ${r.errors} |`);
    }
  }
  const checks = targetChecks(results);
  lines.push('', '| check | target | result |', '|---|---|---|');
  for (const [what, target, ok] of checks) lines.push(`| ${what} | ${target} | ${ok ? 'pass' : 'FAIL'} |`);
  return { markdown: lines.join('\n') + '\n', ok: checks.every(([, , ok]) => ok) };
}

/** DESIGN.md's targets, for the scenarios that ran (BENCH_ONLY may run one). */
function targetChecks(results) {
  const find = (part) => results.find((r) => r.scenario.includes(part));
  const open = find('open-loop');
  const latencyBound = find('64 connections, 50 ms');
  const cpuBound = find('64 connections, 1 ms');
  const checks = [];
  if (open) {
    const gap = open.gateway.latencyMs.p99 - open.baseline.latencyMs.p99;
    checks.push([`open-loop p99: gateway − baseline = ${gap.toFixed(2)} ms`, '≤ 3 ms', gap <= 3]);
  }
  if (latencyBound) {
    const r = ratio(latencyBound.gateway.rps, latencyBound.baseline.rps);
    checks.push([`latency-bound throughput: gateway / baseline = ${r}`, '≥ 0.9', r >= 0.9]);
  }
  if (cpuBound) {
    const r = ratio(cpuBound.gateway.rps, cpuBound.baseline.rps);
    checks.push([`CPU-bound throughput: gateway / baseline = ${r}`, '≥ 0.5', r >= 0.5]);
    checks.push([`CPU per request (CPU-bound): gateway / baseline = ${ratio(cpuBound.gateway.cpuMsPerRequest, cpuBound.baseline.cpuMsPerRequest)}`, 'reported', true]);
    for (const [kind, name] of [['fastify floor', 'Fastify floor'], ['floor', 'framework floor']]) {
      if (cpuBound[kind]) checks.push([`CPU-bound throughput: ${name} / baseline = ${ratio(cpuBound[kind].rps, cpuBound.baseline.rps)}`, 'reported', true]);
    }
  }
  checks.push(
    [`gateway RSS after the runs: ${Math.max(...results.map((r) => r.gateway.rssEndMb))} MB`, `< ${RSS_LIMIT_MB} MB`, results.every((r) => r.gateway.rssEndMb < RSS_LIMIT_MB)],
    [`errors: ${results.reduce((n, r) => n + KINDS.reduce((m, k) => m + (r[k]?.errors ?? 0), 0), 0)}`, '0', results.every((r) => KINDS.every((k) => (r[k]?.errors ?? 0) === 0))],
  );
  return checks;
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
