import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig, LoadedConfig } from './config/config.loader';
import type { TracingHandle } from './observability/tracing-sdk';

async function bootstrap(): Promise<void> {
  let loaded: LoadedConfig;
  try {
    loaded = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  // The SDK patches node:http, fastify, ioredis, pino and the AWS SDK as they load: it starts
  // before the application's modules are imported, and is not loaded at all when tracing is off.
  const tracing = loaded.config.tracing.enabled
    ? (await import('./observability/tracing-sdk')).startTracing(loaded.config.tracing)
    : undefined;
  const { createApp } = await import('./app.factory');
  const { installGracefulShutdown } = await import('./health/graceful-shutdown');
  const app = await createApp(loaded);
  installGracefulShutdown(app, loaded.config.server.shutdown, (code) => exit(code, tracing));
  const { port, host } = loaded.config.server;
  await app.listen({ port, host });
  new Logger('Bootstrap').log(
    { config: loaded.file, production: loaded.production, url: await app.getUrl() },
    'okta-telephony-gateway listening',
  );
}

/** Exits once the last spans are exported (the SDK gives up after its export timeout). */
function exit(code: number, tracing: TracingHandle | undefined): void {
  if (!tracing) process.exit(code);
  void tracing.shutdown().finally(() => process.exit(code));
}

void bootstrap();
