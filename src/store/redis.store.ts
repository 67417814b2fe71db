import {
  CounterFold,
  Counts,
  IndexBounds,
  IndexEntry,
  IndexRange,
  KeyValueStore,
  Ranked,
  StoreUnavailableError,
} from './key-value-store';
import { RedisClient, transaction } from './redis-client';
import { defineCounterCommands, incrementCounters, readCounters } from './redis-counters';
import { RedisConnection } from './redis-connection';
import { describeRedisError } from './redis-error';

/** KEYS[1] the value; ARGV value JSON, its rank, TTL in ms. cjson is built into Redis. */
const ADVANCE = `
local current = redis.call('GET', KEYS[1])
if current then
  local ok, decoded = pcall(cjson.decode, current)
  if ok and type(decoded) == 'table' and tonumber(decoded.rank)
     and tonumber(decoded.rank) >= tonumber(ARGV[2]) then
    return 0
  end
  redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL')
  return 1
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return 1`;

interface AdvanceCommand {
  otgAdvance(key: string, json: string, rank: number, ttlMs: number): Promise<number>;
}

/**
 * The many-replica driver: every key under `store.redis.keyPrefix`, values as JSON, each
 * operation one atomic Redis command, Lua script or MULTI. A Redis error or timeout becomes a
 * {@link StoreUnavailableError}.
 */
export class RedisStore implements KeyValueStore {
  readonly driver = 'redis';
  readonly worstCaseMs: number;
  private readonly client: RedisClient;

  constructor(
    private readonly connection: RedisConnection,
    private readonly prefix: string,
    commandTimeoutMs: number,
  ) {
    this.client = connection.client;
    this.worstCaseMs = commandTimeoutMs;
    this.client.defineCommand('otgAdvance', { numberOfKeys: 1, lua: ADVANCE });
    defineCounterCommands(this.client);
  }

  get<T>(key: string): Promise<T | undefined> {
    return this.guard(async () => parse<T>(await this.client.get(this.prefix + key)));
  }

  set<T>(key: string, value: T, ttlMs: number): Promise<void> {
    return this.guard(async () => {
      await this.client.set(this.prefix + key, JSON.stringify(value), 'PX', ttlMs);
    });
  }

  setIfAbsent<T>(key: string, value: T, ttlMs: number): Promise<boolean> {
    return this.guard(async () => {
      const json = JSON.stringify(value);
      return (await this.client.set(this.prefix + key, json, 'PX', ttlMs, 'NX')) === 'OK';
    });
  }

  delete(key: string): Promise<void> {
    return this.guard(async () => {
      await this.client.del(this.prefix + key);
    });
  }

  advance<T extends Ranked>(key: string, value: T, ttlMs: number): Promise<boolean> {
    const client = this.client as unknown as AdvanceCommand;
    return this.guard(async () => {
      const json = JSON.stringify(value);
      return (await client.otgAdvance(this.prefix + key, json, value.rank, ttlMs)) === 1;
    });
  }

  append<T>(key: string, value: T, ttlMs: number, maxLength: number): Promise<void> {
    const full = this.prefix + key;
    return this.guard(async () => {
      await transaction(
        this.client
          .multi()
          .rpush(full, JSON.stringify(value))
          .ltrim(full, -maxLength, -1)
          .pexpire(full, ttlMs),
      );
    });
  }

  addToIndex(key: string, entry: IndexEntry, bounds: IndexBounds): Promise<void> {
    const full = this.prefix + key;
    return this.guard(async () => {
      await transaction(
        this.client
          .multi()
          .zadd(full, entry.score, entry.member)
          .zremrangebyscore(full, '-inf', `(${bounds.minScore}`)
          .zremrangebyrank(full, 0, -(bounds.maxLength + 1))
          .pexpire(full, bounds.ttlMs),
      );
    });
  }

  readIndex(key: string, range: IndexRange): Promise<IndexEntry[]> {
    return this.guard(async () => {
      const flat = await this.client.zrevrangebyscore(
        this.prefix + key,
        range.max,
        range.min,
        'WITHSCORES',
        'LIMIT',
        0,
        range.limit,
      );
      const entries: IndexEntry[] = [];
      for (let i = 0; i < flat.length; i += 2) {
        entries.push({ member: flat[i], score: Number(flat[i + 1]) });
      }
      return entries;
    });
  }

  list<T>(key: string): Promise<T[]> {
    return this.guard(async () => {
      const items = await this.client.lrange(this.prefix + key, 0, -1);
      return items.map((item) => JSON.parse(item) as T);
    });
  }

  increment(key: string, counts: Counts, ttlMs: number): Promise<Counts> {
    return this.guard(() => incrementCounters(this.client, this.prefix + key, counts, ttlMs));
  }

  counters(key: string, fold?: CounterFold): Promise<Counts> {
    return this.guard(() => readCounters(this.client, this.prefix + key, fold));
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    if (!this.connection.connected) {
      throw new StoreUnavailableError(this.connection.lastProblem ?? 'redis not connected');
    }
    try {
      const result = await operation();
      this.connection.commandDone();
      return result;
    } catch (error) {
      const problem = describeRedisError(error);
      this.connection.commandDone(problem);
      throw new StoreUnavailableError(problem);
    }
  }
}

function parse<T>(json: string | null): T | undefined {
  return json === null ? undefined : (JSON.parse(json) as T);
}
