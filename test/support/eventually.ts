/** Resolves once `condition` holds or after about a second (an event a test waits for, not a time it asserts). */
export async function eventually(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
}
