import { PhoneNumberInfo } from '../phone/phone-number';
import { ProtectionConfig } from './protection.config';
import { ProtectionFinding } from './protection.types';

const INVALID: ProtectionFinding = {
  rule: 'number-invalid',
  reason: 'the number is not in an assigned range of its country',
};

/**
 * What the number alone says, from libphonenumber's metadata: validity, destination country
 * and number type. Built once at boot; a clean number costs a few set lookups and allocates
 * nothing.
 */
export class NumberPolicy {
  private readonly blockInvalid: boolean;
  private readonly allow?: ReadonlySet<string>;
  private readonly deny: ReadonlySet<string>;
  private readonly denyNonGeographic: boolean;
  private readonly denyTypes: ReadonlySet<string>;

  constructor(config: ProtectionConfig) {
    this.blockInvalid = config.invalidNumbers === 'block';
    this.allow = config.countries.allow.length > 0 ? new Set(config.countries.allow) : undefined;
    this.deny = new Set(config.countries.deny);
    this.denyNonGeographic = config.countries.nonGeographic === 'deny';
    this.denyTypes = new Set(config.numberTypes.deny);
  }

  /** Every rule the number breaks, in a fixed order; undefined when it breaks none. */
  check(phone: PhoneNumberInfo): ProtectionFinding[] | undefined {
    const invalid = this.blockInvalid && !phone.valid ? INVALID : undefined;
    const country = this.countryFinding(phone);
    const type =
      phone.type !== undefined && this.denyTypes.has(phone.type)
        ? { rule: 'number-type', reason: `number type ${phone.type} is denied` }
        : undefined;
    if (!invalid && !country && !type) return undefined;
    return [invalid, country, type].filter((f): f is ProtectionFinding => f !== undefined);
  }

  private countryFinding(phone: PhoneNumberInfo): ProtectionFinding | undefined {
    if (phone.nonGeographic) {
      return this.denyNonGeographic
        ? {
            rule: 'non-geographic',
            reason: `non-geographic numbers (+${phone.callingCode}) are denied`,
          }
        : undefined;
    }
    const country = phone.country;
    if (country !== undefined && this.deny.has(country)) {
      return { rule: 'country-deny', reason: `destination country ${country} is denied` };
    }
    if (this.allow && (country === undefined || !this.allow.has(country))) {
      const which = country ?? `of +${phone.callingCode} unknown`;
      return {
        rule: 'country-not-allowed',
        reason: `destination country ${which} is not on the allow list`,
      };
    }
    return undefined;
  }
}
