import { maskPhone } from '../phone/phone-number';
import { UsageError } from './cli-error';

const E164 = /^\+[1-9]\d{6,14}$/;

/** A destination given on the command line: E.164 only, as Okta sends enrolled numbers. */
export interface Destination {
  readonly e164: string;
  /** Safe to print: calling code and last two digits. */
  readonly masked: string;
}

export function destination(value: string): Destination {
  const e164 = value.replace(/[\s().-]/g, '');
  if (!E164.test(e164)) {
    throw new UsageError(
      '--to must be a phone number in E.164 form: + then country code and number.',
      'For example --to +15551234567.',
    );
  }
  return { e164, masked: maskPhone(e164) };
}
