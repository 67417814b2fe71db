import { CounterFold, Counts } from './key-value-store';

/** The field that holds the bucket a key's history was last brought to. */
export const HISTORY_STAMP = '@';

/**
 * {@link CounterFold} applied to a key's counters (the memory driver's; redis.store.ts does the
 * same in Lua): a new object, or the same one when nothing had to move.
 */
export function foldCounters(counts: Counts, fold: CounterFold): Counts {
  const { bucket, windowBuckets, decay } = fold;
  const stamp = counts[HISTORY_STAMP] ?? bucket;
  const oldest = bucket - windowBuckets;
  const out: Counts = {};
  let changed = false;
  for (const [field, value] of Object.entries(counts)) {
    const colon = field.indexOf(':');
    if (colon < 0) {
      const aged = field !== HISTORY_STAMP && bucket > stamp;
      out[field] = (out[field] ?? 0) + (aged ? value * decay ** (bucket - stamp) : value);
      changed ||= aged;
      continue;
    }
    const at = Number(field.slice(colon + 1));
    if (!Number.isInteger(at) || at > oldest) {
      out[field] = value;
      continue;
    }
    const name = field.slice(0, colon);
    out[name] = (out[name] ?? 0) + value * decay ** (bucket - at);
    changed = true;
  }
  if (!changed) return counts;
  return bucket > stamp || counts[HISTORY_STAMP] === undefined
    ? { ...out, [HISTORY_STAMP]: bucket }
    : out;
}
