import { AddressInfo, createServer } from 'node:net';
import { ServerConfig } from '../common/server.config';

/** A port the service listens on, as the refusal names it, and the setting that changes it. */
interface Listener {
  readonly port: number;
  /** `port 8080`, `metrics port 9090` */
  readonly name: string;
  readonly setting: string;
}

/** The main listener, and the metrics one when `server.metricsPort` gives it a port of its own. */
function listeners(server: ServerConfig): Listener[] {
  const main = { port: server.port, name: `port ${server.port}`, setting: 'PORT or server.port' };
  const metrics = server.metricsPort;
  return metrics === undefined
    ? [main]
    : [main, { port: metrics, name: `metrics port ${metrics}`, setting: 'server.metricsPort' }];
}

/**
 * Why `server.host` with `server.port` (or `server.metricsPort`) cannot be listened on, in one
 * line that says what to change, or undefined when it can. It binds and releases each address
 * once before the application does, so that a port in use is told as such instead of as Nest's
 * error line and a stack.
 */
export async function listenProblem(server: ServerConfig): Promise<string | undefined> {
  for (const listener of listeners(server)) {
    const problem = await probe(listener, server.host);
    if (problem) return problem;
  }
  return undefined;
}

async function probe(listener: Listener, host: string): Promise<string | undefined> {
  if (listener.port === 0) return undefined;
  const server = createServer();
  try {
    await new Promise<void>((listening, failed) => {
      server.once('error', failed);
      server.listen({ port: listener.port, host }, listening);
    });
    return undefined;
  } catch (error) {
    return explain(error, listener);
  } finally {
    if (server.listening) await new Promise((closed) => server.close(closed));
  }
}

/** A listen error of the main port as the one line the boot ends with; undefined for an error it cannot explain. */
export function describeListenError(error: unknown, server: ServerConfig): string | undefined {
  return explain(error, listeners(server)[0]);
}

function explain(error: unknown, { name, setting }: Listener): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (code === 'EADDRINUSE') return `${name} is in use; set ${setting}`;
  if (code === 'EACCES') {
    return `${name} needs privileges this user lacks; set ${setting} above 1023`;
  }
  if (['EADDRNOTAVAIL', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) {
    return 'server.host is not an address of this machine; use 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)';
  }
  return undefined;
}

/** The address and port the server really listens on, for the boot line. */
export function boundAddress(address: string | AddressInfo | null): string {
  if (!address || typeof address === 'string') return String(address);
  return address.family === 'IPv6'
    ? `[${address.address}]:${address.port}`
    : `${address.address}:${address.port}`;
}
