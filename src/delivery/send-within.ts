import { settleWithin } from '../common/settle-within';
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
export function sendWithin(
  provider: TelephonyProvider,
  message: OtpMessage,
  ms: number,
): Promise<SendResult> {
  const controller = new AbortController();
  const sending = sendingOf(provider, message, controller.signal).catch((error: unknown) => {
    throw controller.signal.aborted ? new AttemptTimeoutError(ms) : asProviderError(error);
  });
  return settleWithin(sending, ms, () => {
    controller.abort();
    throw new AttemptTimeoutError(ms);
  });
}

/** The provider's send; one that throws instead of rejecting is a rejection too. */
function sendingOf(
  provider: TelephonyProvider,
  message: OtpMessage,
  signal: AbortSignal,
): Promise<SendResult> {
  try {
    return provider.send(message, signal);
  } catch (error) {
    return Promise.reject(asProviderError(error));
  }
}

function asProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error;
  return new ProviderError(ProviderErrorCode.Transient, 'unexpected provider failure');
}
