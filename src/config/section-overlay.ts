/** One top-level section of the raw configuration tree, before validation. */
export type RawSection = Record<string, unknown>;

function isObject(value: unknown): value is RawSection {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Lets `fill` add keys from the environment to the top-level section `name` of the raw tree:
 * it gets a copy of the section (empty when the file has none), which replaces the section when
 * the file had one or `fill` added something. A tree or section that is not an object is left
 * as it is, for validation to refuse.
 */
export function overlaySection(
  tree: unknown,
  name: string,
  fill: (section: RawSection) => void,
): void {
  if (!isObject(tree)) return;
  const given = tree[name];
  if (given !== undefined && !isObject(given)) return;
  const section: RawSection = { ...given };
  fill(section);
  if (given !== undefined || Object.keys(section).length > 0) tree[name] = section;
}
