/**
 * Polls `probe` until it returns a value `done` accepts (work the gateway or a fake vendor does
 * after answering, such as event hook processing or fetching an answer URL) and returns that
 * value, or fails after `timeoutMs` naming the last value seen. Not a timing assertion: the limit
 * only stops a broken test from hanging.
 */
export async function eventually<T>(
  probe: () => T | Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > until) {
      throw new Error(`condition not met within ${timeoutMs} ms; last value: ${shown(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function shown(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}
