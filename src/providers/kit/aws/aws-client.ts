import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { ConnectionOptions, vendorAgents } from '../http/vendor-connection';
import { AwsConfig } from './aws.config';
import { awsError, AwsErrorTable } from './aws.errors';

/** Constructor settings shared by the AWS SDK clients we build (a subset of their config types). */
export interface AwsClientSettings {
  readonly region: string;
  /** `baseUrl`, when set; otherwise the SDK resolves the Region's endpoint. */
  readonly endpoint?: string;
  /** Static credentials; undefined lets the SDK walk its default credential chain. */
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  };
  /** Failover is ours, within the hook deadline: the SDK never retries. */
  readonly maxAttempts: 1;
  /** Options of the SDK's NodeHttpHandler: our keep-alive pools, through the proxy if any. */
  readonly requestHandler: { readonly httpAgent: HttpAgent; readonly httpsAgent: HttpsAgent };
}

/**
 * The SDK client settings for one provider block. The SDK's STS client (IAM roles for service
 * accounts) inherits this request handler, so it goes through the same proxy.
 */
export function awsClientSettings(
  config: AwsConfig,
  connection: ConnectionOptions = config,
): AwsClientSettings {
  const { http, https } = vendorAgents(connection);
  const { accessKeyId, secretAccessKey, sessionToken } = config;
  return {
    region: config.region,
    endpoint: config.baseUrl,
    credentials:
      accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, sessionToken } : undefined,
    maxAttempts: 1,
    requestHandler: { httpAgent: http, httpsAgent: https },
  };
}

/** A loaded SDK module's client and the command classes a provider uses. */
export interface LoadedSdk {
  readonly client: { destroy(): void };
}

/**
 * One provider's SDK client, loaded on construction in the background. The AWS SDK costs tens
 * of MB and tens of ms to load, so only a deployment that configures an AWS provider pays for
 * it. Whatever a call throws (including a failed load) comes out as a classified ProviderError.
 */
export class LazyAwsClient<S extends LoadedSdk> {
  private readonly sdk: Promise<S>;

  constructor(
    load: () => Promise<S>,
    private readonly errors: AwsErrorTable,
  ) {
    this.sdk = load();
    this.sdk.catch(() => undefined);
  }

  async call<T>(signal: AbortSignal, run: (sdk: S) => Promise<T>): Promise<T> {
    try {
      return await run(await this.sdk);
    } catch (error) {
      throw awsError(error, signal, this.errors);
    }
  }

  /** Closes the keep-alive connections. */
  async destroy(): Promise<void> {
    const sdk = await this.sdk.catch(() => undefined);
    sdk?.client.destroy();
  }
}
