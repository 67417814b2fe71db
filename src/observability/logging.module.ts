import { DynamicModule, Module } from '@nestjs/common';
import pino, { DestinationStream, LogFn, Logger } from 'pino';
import { LoggingConfig } from '../common/server.config';
import { logContextFields, mergeLogContext } from './log-context';
import { redactLogFields, redactLogMessage } from './log-redaction';
import { PinoNestLogger } from './nest-logger';
import { ROOT_LOGGER } from './request-logging';

/**
 * JSON log lines with pino; PinoNestLogger makes every `new Logger()` of Nest write them. Every
 * line passes the redaction layer (log-redaction.ts) and carries the fields of the request it
 * belongs to (log-context.ts); the bootstrap's request hooks (request-logging.ts) write one line
 * per request through the exported root logger.
 */
@Module({})
export class LoggingModule {
  /** `destination` defaults to stdout (asynchronous writes); tests pass a stream to read the lines back. */
  static forRoot(logging: LoggingConfig, destination?: DestinationStream): DynamicModule {
    const root = createRootLogger(logging.level, destination ?? stdoutDestination());
    return {
      module: LoggingModule,
      providers: [
        { provide: ROOT_LOGGER, useValue: root },
        { provide: PinoNestLogger, useValue: new PinoNestLogger(root) },
      ],
    };
  }
}

/**
 * stdout written asynchronously: lines logged while a write is under way go out together in the
 * next one, instead of one blocking write(2) per line on the pipe a container runtime reads.
 * pino flushes what is left synchronously when the process exits.
 */
function stdoutDestination(): DestinationStream {
  return pino.destination({ dest: 1, sync: false });
}

/** The process's one pino logger, at the configured level. */
export function createRootLogger(level: string, destination: DestinationStream): Logger {
  return pino(
    {
      level,
      mixin: logContextFields,
      mixinMergeStrategy: mergeLogContext,
      formatters: { log: redactLogFields },
      hooks: { logMethod: redactMessages },
    },
    destination,
  );
}

/** Message strings are ours, but an interpolated value must not slip through them either. */
function redactMessages(this: Logger, args: Parameters<LogFn>, method: LogFn): void {
  const list = args as unknown[];
  for (let i = 0; i < list.length; i++) {
    const arg = list[i];
    if (typeof arg === 'string') list[i] = redactLogMessage(arg);
  }
  method.apply(this, args);
}
