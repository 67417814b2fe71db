import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { maskPhone } from '../../phone/phone-number';
import { Channel } from '../channel';
import { VendorDefinition } from '../vendor-definition';
import { OtpMessage, SendResult, TelephonyProvider } from '../telephony-provider';
import { ConsoleConfig } from './console.config';

/** Logs each message with the phone masked and the code hidden; sends nothing. */
export class ConsoleProvider implements TelephonyProvider {
  readonly type = 'console';

  constructor(
    readonly id: string,
    readonly channels: readonly Channel[],
    readonly timeoutMs: number,
    private readonly logger: Logger,
  ) {}

  send(message: OtpMessage): Promise<SendResult> {
    const transactionId = `console-${randomUUID()}`;
    this.logger.log(
      {
        provider: this.id,
        channel: message.channel,
        to: maskPhone(message.to),
        text: hideCode(message.text, message.code),
        transactionId,
      },
      'console provider: message written here instead of being sent',
    );
    return Promise.resolve({ transactionId, vendorStatus: 'logged' });
  }
}

/** The message text with every occurrence of the code replaced by asterisks. */
export function hideCode(text: string, code: string): string {
  return code ? text.split(code).join('*'.repeat(code.length)) : text;
}

export const consoleVendor: VendorDefinition<ConsoleConfig> = {
  configClass: ConsoleConfig,
  channels: ['sms', 'voice'],
  create: (id, config, context) =>
    new ConsoleProvider(id, config.channels ?? ['sms', 'voice'], config.timeoutMs, context.logger),
};
