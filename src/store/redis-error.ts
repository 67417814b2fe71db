/** The first word of a Redis error reply (`CROSSSLOT`, `READONLY`, `WRONGPASS`...): its kind. */
const REPLY_KIND = /^([A-Z][A-Z_]{2,30})\b/;

/**
 * An ioredis error in our words: its code, the kind of a Redis error reply, or the client's
 * kind of failure; never the message's rest, never the URL (it may hold a password).
 */
export function describeRedisError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return `redis error ${code}`;
  if (!(error instanceof Error)) return 'redis error';
  if (/timed out/i.test(error.message)) return 'redis command timed out';
  if (/writeable|closed/i.test(error.message)) return 'redis not connected';
  if (/startup nodes|cluster isn't ready|refresh slots/i.test(error.message)) {
    return 'redis cluster not reachable';
  }
  const kind = error.name === 'ReplyError' ? REPLY_KIND.exec(error.message)?.[1] : undefined;
  return kind ? `redis error ${kind}` : `redis error (${error.name})`;
}
