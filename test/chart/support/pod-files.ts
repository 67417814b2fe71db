import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import { IVolume } from 'kubernetes-models/v1/Volume';
import { tempDir } from '../../support/temp-dir';
import { Manifest } from './helm';
import { configMapOf, containerOf, deploymentOf } from './kube';

/** Data of the Secrets and ConfigMaps the chart does not make (existingSecret...), by name. */
export type ExternalSecrets = Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface PodView {
  /** The container's environment, as the kubelet would build it. */
  readonly env: Record<string, string>;
  /** Stand-in for the container's `/`: the mounted ConfigMap and Secret files live under it. */
  readonly root: string;
}

/**
 * What the gateway container would see: its environment (env, envFrom) and its mounted
 * ConfigMap and Secret files, written under a temporary root. Paths the config names
 * (CONFIG_FILE, `${file:/...}`) are moved under that root; nothing else is changed.
 */
export function podView(manifests: Manifest[], external: ExternalSecrets = {}): PodView {
  const root = tempDir('otg-pod-');
  const secretData = (name: string): Readonly<Record<string, string>> =>
    chartSecret(manifests, name) ?? known(external[name], `Secret ${name}`);
  const container = containerOf(manifests);
  const env: Record<string, string> = {};
  for (const from of container.envFrom ?? []) {
    const ref = from.secretRef ?? from.configMapRef;
    if (!ref) throw new Error('only secretRef and configMapRef are expected in envFrom');
    Object.assign(env, secretData(ref.name ?? ''));
  }
  for (const variable of container.env ?? []) env[variable.name] = envValue(variable, secretData);
  const volumes = deploymentOf(manifests).spec?.template.spec?.volumes ?? [];
  for (const mount of container.volumeMounts ?? []) {
    if (volumes.find((v) => v.name === mount.name)?.emptyDir) continue;
    const volume = known(
      volumes.find((v) => v.name === mount.name),
      `volume ${mount.name}`,
    );
    const files = volumeFiles(manifests, volume, secretData);
    mkdirSync(join(root, mount.mountPath), { recursive: true });
    for (const [key, text] of Object.entries(files)) {
      writeFileSync(join(root, mount.mountPath, key), underRoot(text, root));
    }
  }
  if (env.CONFIG_FILE) env.CONFIG_FILE = join(root, env.CONFIG_FILE);
  return { env, root };
}

function envValue(
  variable: IEnvVar,
  secretData: (name: string) => Readonly<Record<string, string>>,
): string {
  if (variable.value !== undefined) return variable.value;
  const ref = variable.valueFrom?.secretKeyRef;
  if (!ref) throw new Error(`${variable.name}: only value and secretKeyRef are expected`);
  return known(secretData(ref.name ?? '')[ref.key], `key ${ref.key} of Secret ${ref.name}`);
}

function volumeFiles(
  manifests: Manifest[],
  volume: IVolume,
  secretData: (name: string) => Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  if (volume.configMap) return configMapOf(manifests).data ?? {};
  if (volume.secret) return secretData(volume.secret.secretName ?? '');
  throw new Error(`volume ${volume.name}: only configMap and secret volumes are expected`);
}

/** A Secret rendered by the chart, decoded; undefined when the chart made none of that name. */
function chartSecret(
  manifests: Manifest[],
  name: string,
): Readonly<Record<string, string>> | undefined {
  const secret = manifests.find((m) => m.kind === 'Secret' && m.metadata.name === name);
  if (!secret) return undefined;
  const data = (secret.data ?? {}) as Record<string, string>;
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [key, Buffer.from(value, 'base64').toString()]),
  );
}

/** `${file:/x}` → `${file:<root>/x}`: the mounted files are under the stand-in root. */
function underRoot(text: string, root: string): string {
  return text.replaceAll('${file:/', `\${file:${root}/`);
}

function known<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not known to the test`);
  return value;
}
