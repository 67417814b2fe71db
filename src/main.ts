import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { Server } from 'node:net';
import { createApp } from './app.factory';
import { ConfigError, loadConfig, LoadedConfig } from './config/config.loader';
import { boundAddress, describeListenError, listenProblem } from './config/listen-address';
import { installGracefulShutdown } from './health/graceful-shutdown';

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
  const app = await createApp(loaded);
  const logger = new Logger('Bootstrap');
  for (const warning of loaded.warnings) logger.warn(warning);
  installGracefulShutdown(app, server.shutdown);
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

void bootstrap();
