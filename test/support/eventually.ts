/**
 * Polls `probe` until it returns a value `done` accepts (work the gateway does after answering,
 * such as event hook processing) and returns that value, or the last one after `timeoutMs`, for
 * the test's assertion to report.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
