'use strict';
// Turns a benchmark run into the markdown of bench/results and docs/performance.md: the figures of
// every program, every gateway variant's ratios against the three comparison programs, and
// PASS/FAIL for each of DESIGN.md's quality targets.

const RSS_LIMIT_MB = 130;
const FLAT_MB_PER_10K = 1;
const PROGRAMS = ['relay', 'NestJS floor', 'Fastify floor', 'Express + twilio'];
const GATEWAYS = ['gateway', 'gateway (image)'];
const COMPARED = ['relay', 'NestJS floor', 'Express + twilio'];

const round2 = (n) => Math.round(n * 100) / 100;
const find = (results, part) => results.find((r) => r.scenario.includes(part));

function figures(results) {
  const lines = [
    '| scenario | program | req/s | p50 ms | p99 ms | p99.9 ms | CPU ms/req | RSS start→end MB | errors | load avg | steal % |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const row of results) {
    for (const kind of [...PROGRAMS, ...GATEWAYS].filter((k) => row[k])) {
      const r = row[kind];
      const l = r.latencyMs;
      lines.push(`| ${row.scenario} | ${kind} | ${r.rps} | ${l.p50} | ${l.p99} | ${l.p999} | ${r.cpuMsPerRequest} | ${r.rssStartMb}→${r.rssEndMb} | ${r.errors} | ${r.loadAverage} | ${r.stealPct ?? '–'} |`);
    }
  }
  return lines;
}

function ratios(results) {
  const head = COMPARED.map((c) => `× ${c}`).join(' | ');
  const gaps = COMPARED.map((c) => `p99 / p99.9 − ${c} ms`).join(' | ');
  const lines = [`| scenario | gateway | req/s ${head} | ${gaps} |`, `|---|---|${'---|'.repeat(COMPARED.length * 2)}`];
  for (const row of results) {
    for (const g of GATEWAYS.filter((k) => row[k])) {
      const x = COMPARED.map((c) => (row[c] ? round2(row[g].rps / row[c].rps) : '–'));
      const d = COMPARED.map((c) => (row[c] ? `${gap(row, g, c, 'p99')} / ${gap(row, g, c, 'p999')}` : '–'));
      lines.push(`| ${row.scenario} | ${g} | ${x.join(' | ')} | ${d.join(' | ')} |`);
    }
  }
  return lines;
}

function gap(row, a, b, p) {
  return round2(row[a].latencyMs[p] - row[b].latencyMs[p]);
}

/** [target, variant, measured, ok] for DESIGN.md's targets, for the scenarios and programs that ran. */
function targetChecks({ results, soak }) {
  const checks = [];
  const open = find(results, 'open-loop');
  const latencyBound = find(results, '64 connections, 50 ms');
  const cpuBound = find(results, '64 connections, 1 ms');
  for (const g of GATEWAYS) {
    const both = (row, other) => row?.[g] && row[other];
    if (both(cpuBound, 'Express + twilio')) {
      const r = round2(cpuBound[g].rps / cpuBound['Express + twilio'].rps);
      checks.push(['CPU-bound req/s ≥ 2× Express + twilio', g, `${r}×`, r >= 2]);
    }
    if (both(cpuBound, 'NestJS floor')) {
      const r = round2(cpuBound[g].rps / cpuBound['NestJS floor'].rps);
      checks.push(['CPU-bound req/s ≥ 0.75× NestJS floor', g, `${r}×`, r >= 0.75]);
    }
    if (both(latencyBound, 'relay')) {
      const r = round2(latencyBound[g].rps / latencyBound.relay.rps);
      checks.push(['latency-bound req/s ≥ 0.95× relay', g, `${r}×`, r >= 0.95]);
    }
    if (both(open, 'relay')) {
      const p99 = gap(open, g, 'relay', 'p99');
      const p999 = gap(open, g, 'relay', 'p999');
      checks.push(['open-loop p99 ≤ relay + 2 ms', g, `${p99 >= 0 ? '+' : ''}${p99} ms`, p99 <= 2]);
      checks.push(['open-loop p99.9 ≤ relay + 10 ms', g, `${p999 >= 0 ? '+' : ''}${p999} ms`, p999 <= 10]);
    }
  }
  if (soak) checks.push(...soakChecks(soak));
  const errors = results.reduce((n, row) => n + [...PROGRAMS, ...GATEWAYS].reduce((m, k) => m + (row[k]?.errors ?? 0), 0), 0);
  checks.push(['errors = 0 (every program, every scenario)', 'all', String(errors), errors === 0]);
  return checks;
}

function soakChecks({ samples, errors, image, memoryLimitMb }) {
  const limited = memoryLimitMb ? `, in a ${memoryLimitMb} MB cgroup` : '';
  const variant = (image ? 'gateway (image)' : 'gateway') + limited;
  const trend = round2(slope(samples.slice(Math.ceil(samples.length / 2))));
  const final = samples.at(-1).rssMb;
  return [
    [`RSS ≤ ${RSS_LIMIT_MB} MB after ${samples.at(-1).requests} requests`, variant, `${final} MB`, final <= RSS_LIMIT_MB],
    [`RSS trend flat (< ${FLAT_MB_PER_10K} MB per 10,000, second half)`, variant, `${trend} MB per 10,000`, trend < FLAT_MB_PER_10K],
    ['soak errors = 0', variant, String(errors), errors === 0],
  ];
}

function checkLines(checks) {
  const lines = ['| target | gateway | measured | result |', '|---|---|---|---|'];
  for (const [target, variant, measured, ok] of checks) lines.push(`| ${target} | ${variant} | ${measured} | ${ok ? 'PASS' : '**FAIL**'} |`);
  const failed = checks.filter(([, , , ok]) => !ok).length;
  lines.push('', failed === 0 ? `ALL ${checks.length} TARGETS MET` : `${failed} OF ${checks.length} TARGETS NOT MET`);
  return lines;
}

function markdownReport(run) {
  const checks = targetChecks(run);
  const pod = run.memoryLimitMb ? `, every program in a ${run.memoryLimitMb} MB memory cgroup` : '';
  const head = `Node ${run.node}, ${run.cores} cores${pod}, ${run.started}; load average (1/5/15 min) ${run.loadAverageAtStart.join(' / ')} at the start, ${run.loadAverageAtEnd.join(' / ')} at the end${stealNote(run.stealPct)}`;
  const soak = run.soak ? ['', 'Soak:', '', ...soakTable(run.soak)] : [];
  const lines = [head, '', ...figures(run.results), '', ...ratios(run.results), ...soak, '', ...checkLines(checks)];
  return { markdown: lines.join('\n') + '\n', ok: checks.every(([, , , ok]) => ok) };
}

/** CPU time the hypervisor gave to other guests: figures from a run with much of it are a slower machine's. */
function stealNote(stealPct) {
  return stealPct === undefined ? '' : `; CPU steal ${stealPct}% of the machine's time over the run`;
}

function soakTable({ samples }) {
  const head = ['| requests | RSS MB | anonymous MB | file-backed MB | req/s |', '|---|---|---|---|---|'];
  return [...head, ...samples.map((s) => `| ${s.requests} | ${s.rssMb} | ${s.anonMb ?? '–'} | ${s.fileMb ?? '–'} | ${s.rps ?? ''} |`)];
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

function soakReport(soak) {
  const checks = soakChecks(soak);
  const lines = [...soakTable(soak), '', ...checkLines(checks)];
  return { markdown: lines.join('\n') + '\n', ok: checks.every(([, , , ok]) => ok) };
}

module.exports = { markdownReport, soakReport };
