import { Logger } from '@nestjs/common';
import { Server } from 'node:net';

const LOG_EVERY_MS = 60_000;

/**
 * At most `perIp` open connections from one client address: one more is closed as it opens,
 * before a byte is read, so a few hundred slow connections from one place cannot take every
 * socket. Refusals are logged at most once a minute, with their count since the last line.
 */
export function capConnectionsPerIp(
  server: Server,
  perIp: number,
  now: () => number = Date.now,
): void {
  const open = new Map<string, number>();
  const logger = new Logger('ConnectionCap');
  let refused = 0;
  let loggedAt = -Infinity;
  server.on('connection', (socket) => {
    const ip = socket.remoteAddress ?? 'unknown';
    const count = open.get(ip) ?? 0;
    if (count >= perIp) {
      socket.destroy();
      refused++;
      if (now() - loggedAt >= LOG_EVERY_MS) {
        logger.warn(
          { clientIp: ip, limit: perIp, count: refused },
          'connection refused: too many from one address',
        );
        loggedAt = now();
        refused = 0;
      }
      return;
    }
    open.set(ip, count + 1);
    socket.once('close', () => {
      const left = (open.get(ip) ?? 1) - 1;
      if (left > 0) open.set(ip, left);
      else open.delete(ip);
    });
  });
}
