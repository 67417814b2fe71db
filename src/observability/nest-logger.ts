import { LoggerService } from '@nestjs/common';
import type { Logger as PinoLogger } from 'pino';
import { requestLogStorage } from './log-context';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's logger contract written through this application's pino logger, so every `new Logger()`
 * of Nest produces our JSON lines. Nest appends the logger's context as the last argument:
 * `logger.warn({ reason }, 'text')` from `new Logger('Auth')` arrives as `({ reason }, 'text',
 * 'Auth')` and is written as `{ context: 'Auth', reason, msg: 'text' }`.
 *
 * Inside a request, the line goes to the logger of the application serving it (two applications
 * in one process, as in the e2e tests, keep their lines apart). Ours rather than nestjs-pino's:
 * nestjs-pino 5 keeps one root logger per process, taken by its first application
 * (docs/decisions/0004-logging.md).
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: PinoLogger) {}

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const pino = requestLogStorage.getStore()?.logger ?? this.pino;
    const fields: Record<string, unknown> = {};
    const rest = params.slice(0, -1);
    if (params.length > 0) fields.context = params[params.length - 1];
    if (message instanceof Error) {
      fields.err = message;
      pino[level](fields, ...texts(rest));
    } else if (typeof message === 'object' && message !== null) {
      pino[level](Object.assign(fields, message), ...texts(rest));
    } else if (level === 'error' && rest.length === 1 && isStack(rest[0])) {
      // Nest's own exception handlers call error(message, stack, context).
      const err = new Error(String(message));
      err.stack = rest[0];
      fields.err = err;
      pino[level](fields, String(message));
    } else {
      pino[level](fields, String(message), ...rest);
    }
  }
}

/** pino's message and interpolation arguments after the merging object. */
function texts(rest: unknown[]): [string?, ...unknown[]] {
  if (rest.length === 0) return [];
  return [String(rest[0]), ...rest.slice(1)];
}

function isStack(value: unknown): value is string {
  return typeof value === 'string' && /\n\s+at /.test(value);
}
