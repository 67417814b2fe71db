import { DeliveryRequest } from '../delivery/delivery.types';
import { TelephonyHookRequestDto } from './telephony-hook.dto';

/**
 * Okta's wire names to the delivery request. `deliveryChannel` "sms" in any case is SMS, every
 * other value (CALL, Voice, "voice call") is voice; `requestType` falls back to the legacy
 * `messageProfile.eventAction`.
 */
export function toDeliveryRequest(dto: TelephonyHookRequestDto): DeliveryRequest {
  const message = dto.data.messageProfile;
  return {
    eventId: dto.eventId,
    requestType: dto.requestType ?? message.eventAction,
    channel: message.deliveryChannel.trim().toLowerCase() === 'sms' ? 'sms' : 'voice',
    phoneNumber: String(message.phoneNumber),
    code: String(message.otpCode),
    text: message.msgTemplate,
    locale: message.locale,
    otpExpires: message.otpExpires,
    firstName: dto.data.userProfile?.firstName,
    userId: dto.data.userProfile?.userId,
    userLogin: dto.data.userProfile?.login,
    clientIp: dto.data.context?.request?.ipAddress,
  };
}
