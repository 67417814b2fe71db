import { Gauge, Registry } from 'prom-client';
import { appVersion } from '../common/app-version';
import { METRIC_PREFIX } from './metric-conventions';

/** `otg_build_info{version, node}` 1: which gateway and which Node.js each replica runs. */
export function registerBuildInfo(registry: Registry): void {
  new Gauge({
    name: `${METRIC_PREFIX}build_info`,
    help: 'Always 1; the labels say which version of the gateway and of Node.js this process runs.',
    labelNames: ['version', 'node'],
    registers: [registry],
  }).set({ version: appVersion(), node: process.version }, 1);
}
