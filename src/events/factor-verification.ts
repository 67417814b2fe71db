import { Channel } from '../providers/channel';
import { asObject, debugText } from './debug-data';
import { OktaLogEvent } from './okta-log-event.types';
import { targetsOfType, text } from './okta-resources';

/** Okta's factor names (System Log `factor` / `factor_type` debug data). */
const FACTORS: Readonly<Record<string, Channel>> = { SMS_FACTOR: 'sms', CALL_FACTOR: 'voice' };

/**
 * The channel of the phone factor a successful `user.authentication.auth_via_mfa` or
 * `user.mfa.factor.activate` event verified, if it was one: from the `factor` debug value
 * (`SMS_FACTOR`, `CALL_FACTOR`), or, in Identity Engine, from the method an
 * `AuthenticatorEnrollment` target says was used. Both readings are inferred from System Log
 * samples, not from a published contract.
 */
export function verifiedPhoneChannel(event: OktaLogEvent): Channel | undefined {
  if (text(asObject(event.outcome).result) !== 'SUCCESS') return undefined;
  const debugData = asObject(asObject(event.debugContext).debugData);
  const factor = debugText(debugData, 'factor', 'factorType')?.toUpperCase();
  if (factor && Object.hasOwn(FACTORS, factor)) return FACTORS[factor];
  for (const enrollment of targetsOfType(event.target, 'AuthenticatorEnrollment')) {
    const method = text(asObject(asObject(enrollment).detailEntry).methodTypeUsed)?.toLowerCase();
    if (method?.includes('sms')) return 'sms';
    if (method?.includes('voice') || method?.includes('call')) return 'voice';
  }
  return undefined;
}
