/**
 * Polls until `probe` returns a value (something a fake vendor does after answering, such as
 * fetching an answer URL), or fails with `what` after `timeoutMs`. Not a timing assertion: the
 * limit only stops a broken test from hanging.
 */
export async function waitFor<T>(
  probe: () => T | undefined,
  what: string,
  timeoutMs = 5000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
