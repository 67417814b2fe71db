/**
 * Hides the values `otg` itself sent (the code, the number's digits) in every string of an
 * answer it prints: the gateway never echoes them, this makes sure the CLI cannot either.
 */
export function redactor(values: readonly string[]): (value: unknown) => unknown {
  const hidden = values.filter((v) => v.length >= 4);
  const hide = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return hidden.reduce((out, secret) => out.split(secret).join('[redacted]'), value);
    }
    if (Array.isArray(value)) return value.map(hide);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hide(v)]));
    }
    return value;
  };
  return hide;
}
