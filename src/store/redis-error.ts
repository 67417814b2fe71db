/** An ioredis error in our words: its code or kind, never the URL (it may hold a password). */
export function describeRedisError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return `redis error ${code}`;
  if (error instanceof Error && /timed out/i.test(error.message)) return 'redis command timed out';
  if (error instanceof Error && /writeable|closed/i.test(error.message)) {
    return 'redis not connected';
  }
  return error instanceof Error ? `redis error (${error.name})` : 'redis error';
}
