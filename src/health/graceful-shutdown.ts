import { INestApplication, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { ShutdownConfig } from '../common/server.config';
import { ShutdownState } from './shutdown.state';

/**
 * On SIGTERM or SIGINT: readiness turns 503 at once, the listener stays open for
 * `drainDelayMs` so the load balancer can take the pod out, then in-flight requests are
 * answered and the process exits (forced after `timeoutMs`).
 */
export function installGracefulShutdown(
  app: INestApplication,
  settings: ShutdownConfig,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  const logger = new Logger('Shutdown');
  let started = false;
  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (started) return;
    started = true;
    app.get(ShutdownState).begin();
    logger.log({ signal, drainDelayMs: settings.drainDelayMs }, 'draining: readiness now fails');
    await sleep(settings.drainDelayMs);
    const force = setTimeout(() => exit(1), settings.timeoutMs);
    force.unref();
    await app.close();
    clearTimeout(force);
    logger.log('stopped');
    exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, (s: NodeJS.Signals) => void shutdown(s));
  }
}
