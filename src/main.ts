import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { Server } from 'node:net';
import { ConfigError, loadConfig, LoadedConfig } from './config/config.loader';
import { boundAddress, describeListenError, listenProblem } from './config/listen-address';
import type { TracingHandle } from './observability/tracing-sdk';

/** Ends the boot with one line on stderr and exit code 1: no stack, no log noise. */
function refuse(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function loadOrRefuse(): LoadedConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) refuse(error.message);
    throw error;
  }
}

async function bootstrap(): Promise<void> {
  const loaded = loadOrRefuse();
  const server = loaded.config.server;
  const problem = await listenProblem(server);
  if (problem) refuse(problem);
  // The SDK patches node:http, fastify, ioredis, pino and the AWS SDK as they load: it starts
  // before the application's modules are imported, and is not loaded at all when tracing is off.
  const tracing = loaded.config.tracing.enabled
    ? (await import('./observability/tracing-sdk')).startTracing(loaded.config.tracing)
    : undefined;
  const { createApp } = await import('./app.factory');
  const { installGracefulShutdown } = await import('./health/graceful-shutdown');
  const app = await createApp(loaded);
  const logger = new Logger('Bootstrap');
  for (const warning of loaded.warnings) logger.warn(warning);
  installGracefulShutdown(app, server.shutdown, (code) => exit(code, tracing));
  await app.listen({ port: server.port, host: server.host }).catch((error: unknown) => {
    const line = describeListenError(error, server);
    if (line) refuse(line);
    throw error;
  });
  const address = boundAddress((app.getHttpServer() as Server).address());
  logger.log(
    { config: loaded.file, production: loaded.production, address, url: await app.getUrl() },
    'okta-telephony-gateway listening',
  );
}

/** Exits once the last spans are exported (the SDK gives up after its export timeout). */
function exit(code: number, tracing: TracingHandle | undefined): void {
  if (!tracing) process.exit(code);
  void tracing.shutdown().finally(() => process.exit(code));
}

void bootstrap();
