import { DynamicModule, Module } from '@nestjs/common';
import pino, { DestinationStream, LogFn, Logger } from 'pino';
import { LoggingConfig } from '../common/server.config';
import { logContextFields, mergeLogContext } from './log-context';
import { BatchedStdout } from './batched-stdout';
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
  /** `destination` defaults to stdout (batched, asynchronous writes); tests pass a stream to read the lines back. */
  static forRoot(logging: LoggingConfig, destination?: DestinationStream): DynamicModule {
    const root = createRootLogger(logging.level, destination ?? new BatchedStdout());
    return {
      module: LoggingModule,
      providers: [
        { provide: ROOT_LOGGER, useValue: root },
        { provide: PinoNestLogger, useValue: new PinoNestLogger(root) },
      ],
    };
  }
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
