'use strict';
// npm run chart:package [-- --destination DIR] [CHART_DIR]
// `helm package` without helm: <name>-<version>.tgz holding <name>/... (Chart.yaml first, then
// values.yaml, values.schema.json, the templates, the rest), .helmignore honoured with Helm's rules
// (plus its default `templates/.?*`), symbolic links followed. Prints the archive's path.
const { gzipSync } = require('node:zlib');
const { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { parse } = require('yaml');

/** A glob of Go's filepath.Match as a RegExp: `*` and `?` never cross a `/`. */
function globRegExp(glob) {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '\\' && i + 1 < glob.length) out += `\\${glob[++i]}`;
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) throw new Error(`.helmignore: unclosed [ in ${glob}`);
      out += `[${glob.slice(i + 1, end)}]`;
      i = end;
    } else out += c.replace(/[.+^${}()|]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** Helm's pkg/ignore rules: negation, directory-only, rooted, structural or basename patterns. */
function ignoreRules(text) {
  const rules = [];
  for (const line of [...text.split('\n'), 'templates/.?*']) {
    let rule = line.trim();
    if (!rule || rule.startsWith('#')) continue;
    if (rule.includes('**')) throw new Error(`.helmignore: ** is not supported (${rule})`);
    const negate = rule.startsWith('!');
    if (negate) rule = rule.slice(1);
    const mustDir = rule.endsWith('/');
    if (mustDir) rule = rule.slice(0, -1);
    const whole = rule.includes('/');
    const re = globRegExp(rule.replace(/^\//, ''));
    rules.push({ negate, mustDir, test: (path) => re.test(whole ? path : path.split('/').pop()) });
  }
  return (path, isDir) => {
    for (const r of rules) {
      if (r.negate) {
        if ((r.mustDir && !isDir) || !r.test(path)) return true;
      } else if ((!r.mustDir || isDir) && r.test(path)) return true;
    }
    return false;
  };
}

/** Every file of the chart not ignored, as chart-relative paths; links are followed. */
function chartFiles(dir, ignored, prefix = '') {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const path = prefix ? `${prefix}/${name}` : name;
    const full = join(dir, path);
    const isDir = statSync(full).isDirectory();
    if (ignored(path, isDir)) return [];
    if (isDir) return chartFiles(dir, ignored, path);
    if (!statSync(full).isFile()) throw new Error(`not a regular file: ${path}`);
    return [path];
  });
}

// Helm's order: Chart.yaml, values.yaml, values.schema.json, the templates, the other files.
const FIRST = ['Chart.yaml', 'values.yaml', 'values.schema.json'];
const order = (path) =>
  FIRST.includes(path) ? FIRST.indexOf(path) : FIRST.length + (path.startsWith('templates/') ? 0 : 1);

/** One ustar header block (512 bytes) for a regular file. */
function tarHeader(name, size, mtime) {
  const block = Buffer.alloc(512);
  const field = (value, offset, length) => block.write(value, offset, length, 'utf8');
  const octal = (n, length) => `${n.toString(8).padStart(length - 1, '0')}\0`;
  const slash = name.length > 100 ? name.lastIndexOf('/', 155) : -1;
  if (Buffer.byteLength(name) > 100 && slash < 0) throw new Error(`path too long: ${name}`);
  field(slash < 0 ? name : name.slice(slash + 1), 0, 100);
  field(octal(0o644, 8), 100, 8);
  field(octal(0, 8), 108, 8);
  field(octal(0, 8), 116, 8);
  field(octal(size, 12), 124, 12);
  field(octal(mtime, 12), 136, 12);
  field('        ', 148, 8);
  field('0', 156, 1);
  field('ustar\0', 257, 6);
  field('00', 263, 2);
  if (slash >= 0) field(name.slice(0, slash), 345, 155);
  let sum = 0;
  for (const byte of block) sum += byte;
  field(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8);
  return block;
}

function packageChart(chartDir, destination) {
  const chart = parse(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8'));
  const ignoreFile = join(chartDir, '.helmignore');
  const ignored = ignoreRules(statSafe(ignoreFile) ? readFileSync(ignoreFile, 'utf8') : '');
  const files = chartFiles(chartDir, ignored).sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1));
  const mtime = Math.floor(Number(process.env.SOURCE_DATE_EPOCH ?? Date.now() / 1000));
  const blocks = files.flatMap((path) => {
    const data = readFileSync(join(chartDir, path));
    const padding = Buffer.alloc((512 - (data.length % 512)) % 512);
    return [tarHeader(`${chart.name}/${path}`, data.length, mtime), data, padding];
  });
  mkdirSync(destination, { recursive: true });
  const out = join(destination, `${chart.name}-${chart.version}.tgz`);
  writeFileSync(out, gzipSync(Buffer.concat([...blocks, Buffer.alloc(1024)])));
  return out;
}

function statSafe(path) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

const args = process.argv.slice(2);
const at = args.indexOf('--destination');
const destination = resolve(at >= 0 ? args.splice(at, 2)[1] : '.');
const chartDir = resolve(args[0] ?? 'helm/okta-telephony-gateway');
process.stdout.write(`${packageChart(chartDir, destination)}\n`);
