import { RedisClient, transaction } from './redis-client';
import { CounterFold, Counts } from './key-value-store';

/**
 * counter-fold.ts in Lua, atomic on the server. KEYS[1] the hash; ARGV bucket, windowBuckets,
 * decay. Fields are collected before they are changed (Lua forbids adding keys mid-traversal).
 */
const FOLD = `
local bucket, keep, decay = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local flat = redis.call('HGETALL', KEYS[1])
if #flat == 0 then return flat end
local h = {}
for i = 1, #flat, 2 do h[flat[i]] = tonumber(flat[i + 1]) end
local stamp = h['@'] or bucket
local add, gone = {}, {}
for field, value in pairs(h) do
  local colon = string.find(field, ':', 1, true)
  if colon then
    local at = tonumber(string.sub(field, colon + 1))
    if at and at == math.floor(at) and at <= bucket - keep then
      local name = string.sub(field, 1, colon - 1)
      add[name] = (add[name] or 0) + value * decay ^ (bucket - at)
      gone[#gone + 1] = field
    end
  elseif field ~= '@' and bucket > stamp then
    add[field] = (add[field] or 0) + value * (decay ^ (bucket - stamp) - 1)
  end
end
if next(add) == nil then return flat end
for _, field in ipairs(gone) do h[field] = nil end
for name, value in pairs(add) do h[name] = (h[name] or 0) + value end
if bucket > stamp or h['@'] == nil then h['@'] = bucket end
if #gone > 0 then redis.call('HDEL', KEYS[1], unpack(gone)) end
local out = {}
for field, value in pairs(h) do
  local text = string.format('%.17g', value)
  if add[field] or field == '@' then redis.call('HSET', KEYS[1], field, text) end
  out[#out + 1] = field
  out[#out + 1] = text
end
return out`;

interface FoldCommand {
  otgFold(key: string, bucket: number, windowBuckets: number, decay: number): Promise<string[]>;
}

/** Registers the fold script on the client (once per client). */
export function defineCounterCommands(client: RedisClient): void {
  client.defineCommand('otgFold', { numberOfKeys: 1, lua: FOLD });
}

/** HGETALL, folded first when a fold is given. */
export async function readCounters(
  client: RedisClient,
  key: string,
  fold?: CounterFold,
): Promise<Counts> {
  if (!fold) return toCounts(Object.entries(await client.hgetall(key)).flat());
  const flat = await (client as unknown as FoldCommand).otgFold(
    key,
    fold.bucket,
    fold.windowBuckets,
    fold.decay,
  );
  return toCounts(flat);
}

/** HINCRBY of each counter and PEXPIRE, in one transaction; the new values. */
export async function incrementCounters(
  client: RedisClient,
  key: string,
  counts: Counts,
  ttlMs: number,
): Promise<Counts> {
  const fields = Object.keys(counts);
  const multi = client.multi();
  for (const field of fields) multi.hincrby(key, field, counts[field]);
  const results = await transaction(multi.pexpire(key, ttlMs));
  const values: Counts = {};
  fields.forEach((field, i) => (values[field] = Number(results[i][1])));
  return values;
}

function toCounts(flat: string[]): Counts {
  const counts: Counts = {};
  for (let i = 0; i < flat.length; i += 2) counts[flat[i]] = Number(flat[i + 1]);
  return counts;
}
