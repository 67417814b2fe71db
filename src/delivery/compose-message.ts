import { OtpMessage } from '../providers/telephony-provider';
import { DeliveryRequest } from './delivery.types';

/** The message every attempt of one delivery sends. */
export function composeMessage(
  request: DeliveryRequest,
  to: string,
  deliveryId: string,
  defaultSmsTemplate: string,
): OtpMessage {
  return {
    to,
    channel: request.channel,
    code: request.code,
    text: request.text ?? defaultSmsTemplate.split('{code}').join(request.code),
    locale: request.locale,
    deliveryId,
  };
}
