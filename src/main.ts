import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig, LoadedConfig } from './config/config.loader';
import { installGracefulShutdown } from './health/graceful-shutdown';

async function bootstrap(): Promise<void> {
  let loaded: LoadedConfig;
  try {
    loaded = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const app = await createApp(loaded);
  installGracefulShutdown(app, loaded.config.server.shutdown);
  const { port, host } = loaded.config.server;
  await app.listen({ port, host });
  new Logger('Bootstrap').log(
    { config: loaded.file, production: loaded.production, url: await app.getUrl() },
    'okta-telephony-gateway listening',
  );
}

void bootstrap();
