import { trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { ParentBasedSampler, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace';
import { appVersion } from '../common/app-version';
import { RedactingSpanExporter } from './span-redaction';
import { recordSpansWith } from './spans';
import { instrumentations } from './tracing-instrumentations';
import { TracingConfig } from './tracing.config';

/** The started SDK: flush and stop it after the application has closed. */
export interface TracingHandle {
  shutdown(): Promise<void>;
}

/**
 * Starts the OpenTelemetry SDK. Must run before the instrumented modules (node:http, fastify,
 * ioredis, pino, the AWS SDK) are first loaded: main.ts imports the application only after it.
 */
export function startTracing(config: TracingConfig): TracingHandle {
  const sdk = new NodeSDK({
    serviceName: config.serviceName,
    resource: defaultResource().merge(resourceFromAttributes({ 'service.version': appVersion() })),
    traceExporter: new RedactingSpanExporter(
      new OTLPTraceExporter({ url: `${config.endpoint.replace(/\/+$/, '')}/v1/traces` }),
    ),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(config.sampleRatio) }),
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: instrumentations(),
  });
  sdk.start();
  recordSpansWith(trace.getTracer('okta-telephony-gateway', appVersion()));
  return { shutdown: () => sdk.shutdown() };
}
