import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Gauge, Registry } from 'prom-client';
import { METRIC_PREFIX } from './metric-conventions';

let version: string | undefined;

/** The gateway's version, from its package.json (beside dist/ in the image, as in a checkout). */
export function appVersion(): string {
  version ??= (
    JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  return version;
}

/** `otg_build_info{version, node}` 1: which gateway and which Node.js each replica runs. */
export function registerBuildInfo(registry: Registry): void {
  new Gauge({
    name: `${METRIC_PREFIX}build_info`,
    help: 'Always 1; the labels say which version of the gateway and of Node.js this process runs.',
    labelNames: ['version', 'node'],
    registers: [registry],
  }).set({ version: appVersion(), node: process.version }, 1);
}
