import { Logger } from '@nestjs/common';

/**
 * Waits for a store write only when the time left before the answer is due covers the store's
 * worst case; otherwise the write finishes in the background. Either way a failure is logged,
 * never thrown: a lost record must not cost the person their code.
 */
export async function settleWrite(
  write: Promise<unknown>,
  timeLeftMs: number,
  worstCaseMs: number,
  logger: Logger,
  what: string,
): Promise<void> {
  const logged = write.then(
    () => undefined,
    (error: unknown) =>
      logger.warn(
        { problem: error instanceof Error ? error.message : 'unknown' },
        `${what} not saved`,
      ),
  );
  if (timeLeftMs > worstCaseMs) await logged;
}
