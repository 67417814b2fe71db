import { AddressInfo, createServer } from 'node:net';
import { ServerConfig } from '../common/server.config';

/**
 * Why `server.host`:`server.port` cannot be listened on, in one line that says what to change,
 * or undefined when it can. It binds and releases the address once before the application
 * does, so that a port in use is told as such instead of as Nest's error line and a stack.
 */
export async function listenProblem(server: ServerConfig): Promise<string | undefined> {
  if (server.port === 0) return undefined;
  const probe = createServer();
  try {
    await new Promise<void>((listening, failed) => {
      probe.once('error', failed);
      probe.listen({ port: server.port, host: server.host }, listening);
    });
    return undefined;
  } catch (error) {
    return describeListenError(error, server);
  } finally {
    if (probe.listening) await new Promise((closed) => probe.close(closed));
  }
}

/** A listen error as the one line the boot ends with; undefined for an error it cannot explain. */
export function describeListenError(error: unknown, server: ServerConfig): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (code === 'EADDRINUSE') return `port ${server.port} is in use; set PORT or server.port`;
  if (code === 'EACCES') {
    return `port ${server.port} needs privileges this user lacks; set PORT or server.port above 1023`;
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
