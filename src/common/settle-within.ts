/**
 * What `work` settles with, or what `late()` returns (or throws) if `work` has not settled within
 * `ms`. One promise settled by whichever comes first, rather than a race of two (fewer promises and
 * reactions on the hook's path); what the loser does later changes nothing, and the timer is
 * cleared as soon as `work` settles.
 */
export function settleWithin<T>(work: Promise<T>, ms: number, late: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      try {
        resolve(late());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }, ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: Error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
