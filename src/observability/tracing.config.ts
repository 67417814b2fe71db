import { Type } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsNumber, IsString, IsUrl, Max, Min } from 'class-validator';
import { BooleanFromString } from '../common/config-decorators';

/**
 * OpenTelemetry tracing (`tracing.*`), off by default. The loader fills the keys the file leaves
 * out from the standard variables: `OTEL_EXPORTER_OTLP_ENDPOINT` (which also turns tracing on),
 * `OTEL_SERVICE_NAME`, `OTEL_TRACES_SAMPLER_ARG`; `OTEL_SDK_DISABLED=true` turns it off.
 */
export class TracingConfig {
  /** Record and export spans (OTLP over HTTP). */
  @BooleanFromString() @IsBoolean() enabled = false;
  /** Base URL of the OTLP/HTTP receiver; spans are posted to `<endpoint>/v1/traces`. */
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: '$property must be an http:// or https:// URL' },
  )
  endpoint = 'http://localhost:4318';
  /** `service.name` of every span. */
  @IsString() @IsNotEmpty() serviceName = 'okta-telephony-gateway';
  /**
   * Share of new traces recorded, 0 to 1; a request that arrives with a `traceparent` follows
   * its caller's sampling decision.
   */
  @Type(() => Number)
  @IsNumber({}, { message: '$property must be a number from 0 to 1' })
  @Min(0, { message: '$property must be a number from 0 to 1' })
  @Max(1, { message: '$property must be a number from 0 to 1' })
  sampleRatio = 1;
}
