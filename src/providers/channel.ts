/** How an OTP reaches a person. */
export type Channel = 'sms' | 'voice';

export const CHANNELS: readonly Channel[] = ['sms', 'voice'];
