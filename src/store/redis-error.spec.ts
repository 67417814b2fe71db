import { ReplyError } from 'ioredis';
import { describeRedisError } from './redis-error';

const reply = (message: string): Error => new (ReplyError as new (m: string) => Error)(message);

describe(describeRedisError.name, () => {
  it('should name the kind of a Redis error reply, never the rest of its message', () => {
    expect(
      [
        reply("CROSSSLOT Keys in request don't hash to the same slot"),
        reply('WRONGPASS invalid username-password pair or user is disabled.'),
        reply("READONLY You can't write against a read only replica."),
        reply('CLUSTERDOWN The cluster is down'),
        reply('something unusual'),
      ].map(describeRedisError),
    ).toEqual([
      'redis error CROSSSLOT',
      'redis error WRONGPASS',
      'redis error READONLY',
      'redis error CLUSTERDOWN',
      'redis error (ReplyError)',
    ]);
  });

  it('should name codes and client failures without the address or URL they carry', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:6379'), {
      code: 'ECONNREFUSED',
    });

    expect(
      [
        refused,
        new Error('Command timed out'),
        new Error("Stream isn't writeable and enableOfflineQueue options is false"),
        new Error('Failed to refresh slots cache.'),
        new Error('redis://:secret@10.0.0.7 went away'),
        'not an error',
      ].map(describeRedisError),
    ).toEqual([
      'redis error ECONNREFUSED',
      'redis command timed out',
      'redis not connected',
      'redis cluster not reachable',
      'redis error (Error)',
      'redis error',
    ]);
  });
});
