import { describeChart, render, RenderOptions, template } from './support/helm';
import { configMapOf } from './support/kube';
import { withSecrets } from './support/scenarios';

const SCHEMA_REFUSED = "values don't meet the specifications of the schema(s)";

/** A render the values schema refuses: the failure names the offending key. */
function refused(options: RenderOptions): string {
  const result = template(options);
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain(SCHEMA_REFUSED);
  return result.stderr;
}

describeChart('okta-telephony-gateway chart: values schema', () => {
  it('should refuse a wrong type', () => {
    expect(refused({ set: { replicaCount: 'two' } })).toContain('replicaCount');
  });

  it('should refuse an unknown key in a chart-owned object', () => {
    expect(refused({ set: { 'service.prot': 80 } })).toContain('prot');
  });

  it('should refuse a value outside its enum', () => {
    expect(refused({ set: { 'secrets.mode': 'vault' } })).toContain('mode');
  });

  it('should refuse a config that is not a mapping', () => {
    expect(refused({ set: { config: 'text' } })).toContain('config');
  });

  it('should leave the keys under config to the gateway, which validates them at boot', () => {
    const config = configMapOf(
      render(withSecrets({ set: { 'config.logging.level': 'debug' } })),
    ).data;

    expect(config?.['config.yaml']).toContain('logging:\n  level: debug\n');
  });
});
