import { ProviderError, ProviderErrorCode } from '../providers/provider-error';
import { OtpMessage, SendResult, TelephonyProvider } from '../providers/telephony-provider';

/** Raised when an attempt ran out of time; the vendor call is abandoned. */
export class AttemptTimeoutError extends Error {
  constructor(readonly afterMs: number) {
    super(`no answer within ${afterMs} ms, abandoned`);
  }
}

/**
 * Sends through one provider, giving up after `ms`: the provider's signal aborts and the caller
 * gets an {@link AttemptTimeoutError} at once, even if the provider ignores the signal.
 * Anything a provider throws that is not a ProviderError is treated as transient.
 */
export async function sendWithin(
  provider: TelephonyProvider,
  message: OtpMessage,
  ms: number,
): Promise<SendResult> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new AttemptTimeoutError(ms));
    }, ms);
  });
  const sending = provider.send(message, controller.signal).catch((error: unknown) => {
    if (controller.signal.aborted) throw new AttemptTimeoutError(ms);
    throw asProviderError(error);
  });
  sending.catch(() => undefined);
  try {
    return await Promise.race([sending, expired]);
  } finally {
    clearTimeout(timer);
  }
}

function asProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  return new ProviderError(ProviderErrorCode.Transient, 'unexpected provider failure');
}
