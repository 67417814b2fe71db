/** `text` as a socket may deliver it: split at the byte offsets `cuts` (any order, out of range ignored). */
export function inChunks(text: string | Buffer, cuts: readonly number[] = []): Buffer[] {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const inside = [...new Set(cuts.filter((c) => c > 0 && c < bytes.length))].sort((a, b) => a - b);
  return [0, ...inside].map((from, i) => bytes.subarray(from, inside[i] ?? bytes.length));
}

/** How deep arrays and objects nest in a parsed JSON value (0 for a scalar), without recursion. */
export function nestingOf(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [at, depth] = pending.pop()!;
    if (typeof at !== 'object' || at === null) continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(at)) pending.push([child, depth + 1]);
  }
  return deepest;
}
