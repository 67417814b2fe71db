import type { SmsClient, SmsSendOptions } from '@azure/communication-sms';
import type { HttpClient } from '@azure/core-rest-pipeline';
import { ServerConfig } from '../../common/server.config';
import { Channel } from '../channel';
import { acceptedWith, sentWithoutId } from '../kit/http/accepted';
import { VendorHttpClient } from '../kit/http/vendor-http.client';
import { requirePublicUrl } from '../kit/vendor-checks';
import { REJECTED } from '../kit/webhooks/callback-params';
import { CallbackAnswer, CallbackHandler, CallbackRequest } from '../provider-callbacks';
import { OtpMessage, SendResult, TelephonyProvider } from '../telephony-provider';
import { VendorDefinition } from '../vendor-definition';
import { AzureAcsConfig } from './azure-acs.config';
import { parseConnectionString, withEndpoint } from './azure-acs.connection';
import { azureError, refusedRecipient } from './azure-acs.errors';
import { eventGridAnswer, hasCallbackSecret } from './azure-acs.event-grid';
import { AzureHttpClient } from './azure-acs.http-client';

const VENDOR = 'Azure Communication Services';

/** Builds the SDK client; the SDK (and @azure/identity) load only when an Azure provider exists. */
export type SmsClientFactory = (
  config: AzureAcsConfig,
  httpClient: HttpClient,
) => Promise<SmsClient>;

/**
 * Azure Communication Services SMS through the official SDK, on our own keep-alive transport
 * (AzureHttpClient), without the SDK's retries (failover is ours). Okta gets the `messageId`.
 * Delivery reports, requested when the service has a public URL, arrive from Event Grid.
 */
export class AzureAcsProvider implements TelephonyProvider, CallbackHandler {
  readonly type = 'azure-acs';
  readonly channels: readonly Channel[] = ['sms'];
  private readonly client: Promise<SmsClient>;

  constructor(
    readonly id: string,
    private readonly config: AzureAcsConfig,
    private readonly http: VendorHttpClient,
    private readonly statusCallbackUrl?: string,
    factory: SmsClientFactory = createSmsClient,
  ) {
    this.client = factory(config, new AzureHttpClient(http));
    this.client.catch(() => undefined);
  }

  get timeoutMs(): number {
    return this.config.timeoutMs;
  }

  async send(message: OtpMessage, signal: AbortSignal): Promise<SendResult> {
    try {
      const client = await this.client;
      const request = { from: this.config.from, to: [message.to], message: message.text };
      const [result] = await client.send(request, this.sendOptions(message, signal));
      if (!result) return sentWithoutId(`${VENDOR} answered without a result`, message.deliveryId);
      if (!result.successful) throw refusedRecipient(result);
      const status = String(result.httpStatusCode);
      return acceptedWith(VENDOR, 'messageId', result.messageId, message, status);
    } catch (error) {
      throw azureError(error);
    }
  }

  /** A delivery report (with our delivery id as its `tag`) only when Event Grid can reach us. */
  sendOptions(message: OtpMessage, signal: AbortSignal): SmsSendOptions {
    const report = Boolean(this.statusCallbackUrl && this.config.callbackSecret);
    return {
      enableDeliveryReport: report,
      ...(report ? { tag: message.deliveryId } : {}),
      abortSignal: signal,
    };
  }

  /** Event Grid deliveries at `/callbacks/<id>/status`, accepted only with `callbackSecret`. */
  handleCallback(kind: string, request: CallbackRequest): Promise<CallbackAnswer | undefined> {
    if (kind !== 'status') return Promise.resolve(undefined);
    const secret = this.config.callbackSecret;
    if (!secret || !hasCallbackSecret(secret, request)) return Promise.resolve(REJECTED);
    return Promise.resolve(eventGridAnswer(request.json));
  }

  close(): Promise<void> {
    return this.http.close();
  }
}

/** A connection string (its endpoint replaced by `baseUrl` when set), else Entra ID at `endpoint`. */
async function createSmsClient(config: AzureAcsConfig, httpClient: HttpClient): Promise<SmsClient> {
  const { SmsClient } = await import('@azure/communication-sms');
  const options = { httpClient, retryOptions: { maxRetries: 0 } };
  const connection = config.connectionString
    ? parseConnectionString(config.connectionString)
    : undefined;
  if (connection) {
    const endpoint = config.baseUrl ?? connection.endpoint;
    return new SmsClient(withEndpoint(connection, endpoint), options);
  }
  const { DefaultAzureCredential } = await import('@azure/identity');
  const credential = new DefaultAzureCredential({ httpClient });
  return new SmsClient(endpointOf(config), credential, options);
}

function endpointOf(config: AzureAcsConfig): string {
  const connection = config.connectionString
    ? parseConnectionString(config.connectionString)
    : undefined;
  return config.baseUrl ?? connection?.endpoint ?? config.endpoint ?? '';
}

function checkAzureAcs(
  config: AzureAcsConfig,
  _channels: readonly Channel[],
  server: ServerConfig,
): string[] {
  const problems: string[] = [];
  if (config.connectionString && !parseConnectionString(config.connectionString)) {
    problems.push('connectionString: must be `endpoint=https://…;accesskey=<base64 key>`');
  }
  if (!config.connectionString && !config.endpoint && !config.baseUrl) {
    problems.push('connectionString: Azure needs `connectionString`, or `endpoint` for Entra ID');
  }
  problems.push(...requirePublicUrl('callbackSecret', Boolean(config.callbackSecret), server));
  return problems;
}

export const azureAcsVendor: VendorDefinition<AzureAcsConfig> = {
  configClass: AzureAcsConfig,
  channels: ['sms'],
  check: checkAzureAcs,
  create: (id, config, context) =>
    new AzureAcsProvider(
      id,
      config,
      context.http(endpointOf(config)),
      context.callbackUrl('status'),
    ),
};
