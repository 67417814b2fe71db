import { FakeResponse, FakeServer, FakeTls, RecordedRequest } from '../fake-server';
import { hasVendorSpec } from '../openapi';
import { SigV4Signer, sigV4Problems } from '../sigv4';
import { SmithyModel } from '../smithy';

/** Credentials the tests sign with (AWS's documentation example keys). */
export const AWS_TEST_CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
} as const;

const warned = new Set<string>();

/** One call as an AWS fake understood it. */
export interface AwsCall {
  /** The operation, e.g. `Publish` or `SendVoiceMessage`. */
  readonly operation: string;
  /** The operation input, read back from the wire. */
  readonly input: Record<string, unknown>;
  readonly request: RecordedRequest;
}

/** Overrides the answer to a valid call; undefined falls back to the documented success. */
export type AwsScript = (call: AwsCall) => FakeResponse | 'hang' | undefined;

export interface AwsFakeOptions {
  readonly region: string;
  /** Whose signature is accepted; the test credentials by default. */
  readonly signer?: Omit<SigV4Signer, 'service' | 'region'>;
  /** Served over HTTPS with this certificate. */
  readonly tls?: FakeTls;
}

/**
 * An AWS service on 127.0.0.1: checks the SigV4 signature (service, Region, credentials) and
 * validates each input against the service's official Smithy model from vendor-specs. A request
 * that fails a check is answered with the service's own error shape and its problems are kept
 * in `problems`; a valid one gets the scripted answer or the documented success.
 */
export abstract class AwsFake {
  readonly problems: string[] = [];
  readonly calls: AwsCall[] = [];
  protected readonly model?: SmithyModel;
  private override?: AwsScript;

  protected constructor(
    readonly server: FakeServer,
    private readonly signer: SigV4Signer,
    modelPath: string,
  ) {
    if (hasVendorSpec(modelPath)) this.model = SmithyModel.load(modelPath);
    else if (!warned.has(modelPath)) {
      warned.add(modelPath);
      console.warn(
        `../shared/vendor-specs/${modelPath} is missing: inputs are not checked against it`,
      );
    }
  }

  /** Starts a fake whose server answers through `create`'s instance. */
  protected static async serve<F extends AwsFake>(
    create: (server: FakeServer) => F,
    tls?: FakeTls,
  ): Promise<F> {
    const holder: { fake?: F } = {};
    const server = await FakeServer.start((request) => holder.fake!.answer(request), tls);
    return (holder.fake = create(server));
  }

  get url(): string {
    return this.server.url;
  }

  /** The input of the n-th valid call. */
  input(n = 0): Record<string, unknown> {
    return this.calls[n].input;
  }

  script(script?: AwsScript): void {
    this.override = script;
  }

  /** Forgets calls, requests and problems between tests. */
  reset(): void {
    this.calls.length = 0;
    this.problems.length = 0;
    this.server.requests.length = 0;
    this.script();
  }

  close(): Promise<void> {
    return this.server.close();
  }

  /** Reads the operation and its input off the wire, with any problem of the protocol itself. */
  protected abstract read(request: RecordedRequest): { call?: AwsCall; problems: string[] };
  /** The service's error answer for a request that failed our checks. */
  protected abstract refusal(problems: string[]): FakeResponse;
  /** The documented success answer. */
  protected abstract success(call: AwsCall, sequence: number): FakeResponse;

  private answer(request: RecordedRequest): FakeResponse | 'hang' {
    const { call, problems } = this.read(request);
    problems.push(...sigV4Problems(request, this.signer));
    if (call && this.model?.hasOperation(call.operation)) {
      problems.push(...this.model.validate(call.operation, call.input));
    }
    if (!call || problems.length > 0) {
      this.problems.push(...problems);
      return this.refusal(problems);
    }
    this.calls.push(call);
    return this.override?.(call) ?? this.success(call, this.calls.length);
  }
}

/** Signer of a fake: the options' credentials or the test ones. */
export function signerFor(service: string, options: AwsFakeOptions): SigV4Signer {
  return { service, region: options.region, ...(options.signer ?? AWS_TEST_CREDENTIALS) };
}

/** An XML answer, as the awsQuery services (SNS, STS) send them. */
export function xmlAnswer(status: number, body: string): FakeResponse {
  return { status, headers: { 'content-type': 'text/xml' }, body };
}
