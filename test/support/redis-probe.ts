import Redis from 'ioredis';
import { createConnection, Socket } from 'node:net';
import { connect, ConnectionOptions } from 'node:tls';

/** TLS options of a probe: the test CA, and a client certificate when the server asks for one. */
export type ProbeTls = ConnectionOptions;

/**
 * Whether a Redis server (or sentinel) answers on 127.0.0.1:port: `+PONG`, or `-NOAUTH` from one
 * with a password, which is up all the same.
 */
export function answersPing(port: number, tls?: ProbeTls): Promise<boolean> {
  return new Promise((resolve) => {
    const socket: Socket = tls
      ? connect({ port, host: '127.0.0.1', ...tls })
      : createConnection({ port, host: '127.0.0.1' });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(500);
    socket.once(tls ? 'secureConnect' : 'connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(/^(\+PONG|-NOAUTH)/.test(data.toString())));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

/** How a test connects to its servers: a password, TLS. */
export interface ClientAccess {
  readonly password?: string;
  readonly tls?: ConnectionOptions;
}

/** One short-lived connection to a server of a test. */
export async function withClient<T>(
  port: number,
  use: (client: Redis) => Promise<T>,
  access: ClientAccess = {},
): Promise<T> {
  const client = new Redis(port, '127.0.0.1', {
    ...access,
    lazyConnect: true,
    maxRetriesPerRequest: 1,
  });
  try {
    await client.connect();
    return await use(client);
  } finally {
    client.disconnect();
  }
}
