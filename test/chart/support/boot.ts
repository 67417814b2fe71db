import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../../src/app.factory';
import { loadConfig, LoadedConfig } from '../../../src/config/config.loader';
import { Manifest } from './helm';
import { ExternalSecrets, podView } from './pod-files';

export interface BootedPod {
  readonly loaded: LoadedConfig;
  readonly app: NestFastifyApplication;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

/**
 * Boots the gateway the way the rendered Deployment would (its environment, its mounted config
 * and secret files, production mode), listening on 127.0.0.1 with ports the system chooses
 * instead of the pod's fixed ones: nothing else of the rendered config is changed.
 */
export async function bootAsPod(
  manifests: Manifest[],
  external: ExternalSecrets = {},
): Promise<BootedPod> {
  const loaded = loadConfig(podView(manifests, external).env);
  const server = loaded.config.server;
  Object.assign(server, { host: '127.0.0.1', port: 0 });
  if (server.metricsPort !== undefined) server.metricsPort = 0;
  const app = await createApp(loaded, { logDestination: { write: () => undefined } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = await app.getUrl();
  return { loaded, app, http: () => request(url), close: () => app.close() };
}
