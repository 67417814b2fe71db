import { loadConfig } from './config.loader';
import { applyTracingEnvironment } from './tracing-environment';

describe(applyTracingEnvironment.name, () => {
  it('should turn tracing on from OTEL_EXPORTER_OTLP_ENDPOINT and fill the other keys', () => {
    const tree: Record<string, unknown> = { server: { port: 0 } };

    applyTracingEnvironment(tree, {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_SERVICE_NAME: 'otg-eu',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
    });

    expect(tree).toEqual({
      server: { port: 0 },
      tracing: {
        enabled: true,
        endpoint: 'http://collector:4318',
        serviceName: 'otg-eu',
        sampleRatio: '0.25',
      },
    });
  });

  it('should keep what the file says and ignore empty variables', () => {
    const tree = { tracing: { enabled: false, endpoint: 'http://file:4318' } };

    applyTracingEnvironment(tree, {
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://env:4318',
      OTEL_SERVICE_NAME: '',
    });

    expect(tree).toEqual({ tracing: { enabled: false, endpoint: 'http://file:4318' } });
  });

  it('should turn tracing off with OTEL_SDK_DISABLED=true whatever the file says', () => {
    const tree = { tracing: { enabled: true } };

    applyTracingEnvironment(tree, { OTEL_SDK_DISABLED: 'TRUE' });

    expect(tree).toEqual({ tracing: { enabled: false } });
  });

  it('should leave a file without tracing, and a malformed one, as they are', () => {
    const plain = { server: {} };
    const odd = { tracing: 'on' };

    applyTracingEnvironment(plain, { OTEL_SDK_DISABLED: 'false' });
    applyTracingEnvironment(odd, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://env:4318' });

    expect(plain).toEqual({ server: {} });
    expect(odd).toEqual({ tracing: 'on' });
  });
});

describe('tracing config', () => {
  it('should be off by default, with the OTLP default endpoint, every trace sampled', () => {
    const { config } = loadConfig({ CONFIG_FILE: 'config/default.yaml' });

    expect({ ...config.tracing }).toEqual({
      enabled: false,
      endpoint: 'http://localhost:4318',
      serviceName: 'okta-telephony-gateway',
      sampleRatio: 1,
    });
  });

  it('should read the sample ratio from the environment as a number', () => {
    const env = { CONFIG_FILE: 'config/default.yaml', OTEL_TRACES_SAMPLER_ARG: '0.1' };

    expect(loadConfig(env).config.tracing.sampleRatio).toBe(0.1);
  });

  it('should refuse a ratio outside 0–1 and an endpoint that is not an http URL', () => {
    const env = {
      CONFIG_FILE: 'config/default.yaml',
      OTEL_TRACES_SAMPLER_ARG: '2',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4317',
    };

    expect(() => loadConfig(env)).toThrow(
      [
        '  - tracing.endpoint: must be an http:// or https:// URL',
        '  - tracing.sampleRatio: must be a number from 0 to 1',
      ].join('\n'),
    );
  });
});
