/** Okta's `requestType` values (okta-contract.md §1.3), by the short names config may use. */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  enrollment: 'com.okta.user.telephony.pre-enrollment',
  'sign-in': 'com.okta.user.telephony.mfa-verification',
  'password-reset': 'com.okta.user.telephony.password-reset',
  'account-unlock': 'com.okta.user.telephony.account-unlock',
};

/** The request types a rule names, short names written out; undefined for none (every type). */
export function requestTypeSet(
  names: readonly string[] | undefined,
): ReadonlySet<string> | undefined {
  if (!names?.length) return undefined;
  return new Set(names.map((name) => SHORT_NAMES[name] ?? name));
}

/** Whether a delivery of `type` is one the set names (an absent set names every type). */
export function namesType(set: ReadonlySet<string> | undefined, type: string | undefined): boolean {
  return set === undefined || (type !== undefined && set.has(type));
}
