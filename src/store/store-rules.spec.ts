import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { configProblems } from '../../test/support/config-files';
import { parseHostPort } from './redis-topology.config';
import { checkStore } from './store-rules';

const sentinel = {
  masterName: 'otg-primary',
  sentinels: ['sentinel-0.redis:26379', '10.0.0.7:26379', '[fd00::7]:26379'],
  password: '${REDIS_PASSWORD}',
  sentinelPassword: '${SENTINEL_PASSWORD}',
};
const env = { REDIS_PASSWORD: 'redis-password-0123', SENTINEL_PASSWORD: 'sentinel-pw-0123' };
const redis = (block: Record<string, unknown>) => ({ store: { driver: 'redis', redis: block } });

describe(checkStore.name, () => {
  it('should accept each topology alone, and an empty url beside a sentinel or cluster block', () => {
    expect(configProblems(redis({ url: 'rediss://:pw@redis.example:6380/0' }))).toEqual([]);
    expect(configProblems(redis({ url: '${REDIS_URL:-}', sentinel }), env)).toEqual([]);
    expect(configProblems(redis({ cluster: { nodes: ['redis-0:6379'], password: 'p' } }))).toEqual(
      [],
    );
  });

  it('should refuse more than one topology, naming them', () => {
    const cluster = { nodes: ['redis-0:6379'] };

    expect(configProblems(redis({ url: 'redis://redis:6379', sentinel, cluster }), env)).toEqual([
      'store.redis: set only one of url, sentinel and cluster (found url, sentinel, cluster)',
    ]);
  });

  it('should say which sentinel or node is not host:port, and what a sentinel block lacks', () => {
    const problems = configProblems(
      redis({ sentinel: { sentinels: ['sentinel-0.redis'], password: 'p' } }),
    );
    const nodes = configProblems(redis({ cluster: { nodes: ['redis-0:6379', 'redis-1:70000'] } }));

    expect(problems).toEqual([
      'store.redis.sentinel.masterName: is required: the name the sentinels monitor',
      'store.redis.sentinel.sentinels: each value must be host:port (port 1-65535)',
    ]);
    expect(nodes).toEqual([
      'store.redis.cluster.nodes: each value must be host:port (port 1-65535)',
    ]);
    expect(configProblems(redis({ cluster: { nodes: [] } }))).toEqual([
      'store.redis.cluster.nodes: needs at least one host:port',
    ]);
  });

  it('should refuse a URL that is not Redis, and a plain redis:// URL with TLS settings', () => {
    expect(configProblems(redis({ url: 'http://redis:6379' }))).toEqual([
      'store.redis.url: must be a redis:// or rediss:// URL',
    ]);
    expect(configProblems(redis({ url: 'redis://redis:6379', tls: {} }))).toEqual([
      'store.redis.url: redis:// is plain text while store.redis.tls is set; use rediss://',
    ]);
  });

  it('should refuse a hash tag in the key prefix of a cluster, and only there', () => {
    const prefix = { keyPrefix: '{otg}:' };

    expect(configProblems(redis({ cluster: { nodes: ['redis-0:6379'] }, ...prefix }))).toEqual([
      'store.redis.keyPrefix: no { or } with a cluster (a hash tag in the prefix would put every key in one slot)',
    ]);
    expect(configProblems(redis({ url: 'redis://redis:6379', ...prefix }))).toEqual([]);
  });

  it('should not look at the redis block while the driver is memory', () => {
    const block = { url: 'redis://a:6379', sentinel, tls: { caFile: '/nowhere/ca.pem' } };

    expect(configProblems({ store: { driver: 'memory', redis: block } }, env)).toEqual([]);
  });

  it('should quote no password, not even from a URL it refuses', () => {
    const url = 'http://:${REDIS_PASSWORD}@redis:6379';

    expect(configProblems(redis({ url }), env)).toEqual([
      'store.redis.url: must be a redis:// or rediss:// URL',
    ]);
  });
});

describe('the commented store.redis examples of config/production.example.yaml', () => {
  const example = readFileSync(resolve(__dirname, '../../config/production.example.yaml'), 'utf8');
  /** The commented block `name:` of store.redis, uncommented. */
  const block = (name: string): unknown => {
    const lines = example.split('\n');
    const start = lines.findIndex((line) => line.startsWith(`    # ${name}:`));
    const end = lines.findIndex((line, i) => i > start && !line.startsWith('    #   '));
    const text = lines.slice(start, end).map((line) => line.replace(/^ {4}# /, ''));
    return (parse(text.join('\n')) as Record<string, unknown>)[name];
  };

  it('should each be a valid topology', () => {
    const secrets = { REDIS_PASSWORD: 'redis-password-0123' };
    const sentinelBlock = block('sentinel') as Record<string, unknown>;
    // A Secret mounted as a file: the path is the example's, the file is not here.
    const mounted = { ...sentinelBlock, sentinelPassword: 'sentinel-password-0123' };

    expect(sentinelBlock.sentinelPassword).toBe('${file:/etc/otg/redis/sentinel-password}');
    expect(configProblems(redis({ sentinel: mounted }), secrets)).toEqual([]);
    expect(configProblems(redis({ cluster: block('cluster') }), secrets)).toEqual([]);
    expect(block('tls')).toEqual({
      caFile: '/etc/otg/redis-tls/ca.crt',
      certFile: '/etc/otg/redis-tls/tls.crt',
      keyFile: '/etc/otg/redis-tls/tls.key',
      servername: 'redis.internal.example.com',
    });
  });
});

describe(parseHostPort.name, () => {
  it('should split names, IPv4 and bracketed IPv6 addresses from their port', () => {
    expect(['redis-0.redis:6379', '10.0.0.7:26379', '[fd00::7]:26379'].map(parseHostPort)).toEqual([
      { host: 'redis-0.redis', port: 6379 },
      { host: '10.0.0.7', port: 26379 },
      { host: 'fd00::7', port: 26379 },
    ]);
  });
});
