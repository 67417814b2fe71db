/**
 * Whether a parsed JSON value has a `__proto__` property, or a `constructor` whose value has a
 * `prototype`, at any depth: the keys that pollute prototypes once a body is merged into another
 * object. JSON.parse keeps `__proto__` as an own property, so a walk of the parsed value sees
 * every spelling, escaped ones included. Bodies are depth-checked before they are parsed
 * (DepthGauge), so the recursion is bounded.
 */
export function hasForbiddenKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (hasForbiddenKey(item)) return true;
    return false;
  }
  const node = value as Record<string, unknown>;
  if (Object.hasOwn(node, '__proto__')) return true;
  const ctor = Object.hasOwn(node, 'constructor') ? node.constructor : undefined;
  if (typeof ctor === 'object' && ctor !== null && Object.hasOwn(ctor, 'prototype')) return true;
  for (const key in node) if (hasForbiddenKey(node[key])) return true;
  return false;
}
