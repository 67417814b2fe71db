import { ArrayMinSize, IsArray, IsOptional, IsString, Matches, MinLength } from 'class-validator';

/** `host:port`, the host a name, an IPv4 address or a bracketed IPv6 address; port 1–65535. */
const HOST_PORT =
  /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):(6553[0-5]|655[0-2]\d|65[0-4]\d{2}|6[0-4]\d{3}|[1-5]\d{4}|[1-9]\d{0,3})$/;
const HOST_PORT_RULE = { each: true, message: 'each value must be host:port (port 1-65535)' };

/** A `host:port` of the config as ioredis takes it (IPv6 without its brackets). */
export function parseHostPort(text: string): { host: string; port: number } {
  const colon = text.lastIndexOf(':');
  return {
    host: text.slice(0, colon).replace(/^\[|\]$/g, ''),
    port: Number(text.slice(colon + 1)),
  };
}

/** `store.redis.sentinel`: a primary and its replicas watched by Redis Sentinel. */
export class RedisSentinelConfig {
  /** The name the sentinels monitor the primary under (`sentinel monitor <name> ...`). */
  @IsString()
  @MinLength(1, { message: 'is required: the name the sentinels monitor' })
  masterName = '';
  /** A few sentinels to ask where the primary is; the others are found through them. */
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one host:port' })
  @Matches(HOST_PORT, HOST_PORT_RULE)
  sentinels: string[] = [];
  /** ACL user on the primary and replicas (Redis 6+); absent: the default user. */
  @IsOptional() @IsString() @MinLength(1) username?: string;
  /** Password of the primary and replicas (`requirepass`). */
  @IsOptional() @IsString() @MinLength(1) password?: string;
  /** Password of the sentinels themselves, when they have one (`requirepass` on sentinels). */
  @IsOptional() @IsString() @MinLength(1) sentinelPassword?: string;
}

/** `store.redis.cluster`: a Redis Cluster (its primaries share the hash slots). */
export class RedisClusterConfig {
  /** A few nodes to start from; the others, and who holds which slot, are found through them. */
  @IsArray()
  @ArrayMinSize(1, { message: 'needs at least one host:port' })
  @Matches(HOST_PORT, HOST_PORT_RULE)
  nodes: string[] = [];
  /** ACL user on every node (Redis 6+); absent: the default user. */
  @IsOptional() @IsString() @MinLength(1) username?: string;
  /** Password of every node (`requirepass`). */
  @IsOptional() @IsString() @MinLength(1) password?: string;
}

/**
 * `store.redis.tls`: TLS to Redis with a private CA and optionally a client certificate
 * (mutual TLS). Files are read once at boot; a rotated certificate needs a restart.
 */
export class RedisTlsConfig {
  /** PEM file of the CA(s) that signed the server certificates; absent: the system CAs. */
  @IsOptional() @IsString() @MinLength(1) caFile?: string;
  /** PEM client certificate, for servers with `tls-auth-clients yes`; needs `keyFile`. */
  @IsOptional() @IsString() @MinLength(1) certFile?: string;
  /** PEM private key (unencrypted) of `certFile`. */
  @IsOptional() @IsString() @MinLength(1) keyFile?: string;
  /** Name the server certificates are checked against (and SNI); absent: the host connected to. */
  @IsOptional() @IsString() @MinLength(1) servername?: string;
}
