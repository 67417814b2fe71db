import { DynamicModule, Module } from '@nestjs/common';
import { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { DestinationStream } from 'pino';
import { LoggingConfig } from '../config/server.config';

/**
 * JSON log lines with pino. Requests are logged by id, method and path only: headers and bodies
 * never reach the log, so no auth secret, code or phone number can.
 */
/** Probes and scrapes run every few seconds; their success is not worth a line. */
const QUIET = /^\/(health|metrics)(\/|\?|$)/;

@Module({})
export class LoggingModule {
  /** `destination` defaults to stdout; tests pass a stream to read the lines back. */
  static forRoot(destination?: DestinationStream): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [LoggingConfig],
          useFactory: (logging: LoggingConfig) => ({
            pinoHttp: [
              {
                level: logging.level,
                customAttributeKeys: { reqId: 'requestId' },
                autoLogging: { ignore: (req: IncomingMessage) => QUIET.test(req.url ?? '') },
                serializers: {
                  req: (req: IncomingMessage) => ({
                    id: req.id,
                    method: req.method,
                    path: req.url?.split('?')[0],
                  }),
                  res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
                },
              },
              destination ?? process.stdout,
            ],
          }),
        }),
      ],
    };
  }
}
