/** PromQL words that are not metric names. */
const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'inf',
  'nan',
]);

/**
 * The metric (and recording rule) names a PromQL expression reads: what is left once strings,
 * label matchers, ranges, grouping label lists, function names and keywords are taken out.
 */
export function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const words = [...bare.matchAll(/(?<![\w:.])([A-Za-z_:][\w:]*)(\s*\()?/g)]
    .filter((m) => m[2] === undefined)
    .map((m) => m[1])
    .filter((word) => !KEYWORDS.has(word.toLowerCase()));
  return [...new Set(words)];
}

/** The family a sample name belongs to: histogram and summary series carry a suffix. */
export function familyCandidates(name: string): string[] {
  const suffix = /_(bucket|sum|count)$/.exec(name);
  return suffix ? [name, name.slice(0, -suffix[0].length)] : [name];
}
