import { overlaySection } from './section-overlay';

/** Each `tracing` key and the standard OpenTelemetry variable it defaults to. */
const VARIABLES: Readonly<Record<string, string>> = {
  endpoint: 'OTEL_EXPORTER_OTLP_ENDPOINT',
  serviceName: 'OTEL_SERVICE_NAME',
  sampleRatio: 'OTEL_TRACES_SAMPLER_ARG',
};

/**
 * Fills the `tracing` keys the file leaves out from the standard OpenTelemetry variables, so
 * the rest of the service reads typed config only. An endpoint in the environment turns tracing
 * on unless the file says `tracing.enabled` itself; `OTEL_SDK_DISABLED=true` turns it off
 * whatever the file says (the SDK would not start either). An empty
 * variable counts as unset.
 */
export function applyTracingEnvironment(
  tree: unknown,
  env: Readonly<Record<string, string | undefined>>,
): void {
  overlaySection(tree, 'tracing', (tracing) => {
    for (const [key, name] of Object.entries(VARIABLES)) {
      if (!(key in tracing) && env[name]) tracing[key] = env[name];
    }
    if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') tracing.enabled = false;
    else if (!('enabled' in tracing) && env.OTEL_EXPORTER_OTLP_ENDPOINT) tracing.enabled = true;
  });
}
