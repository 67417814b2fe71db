/** SMS message attributes of SNS Publish (vendors.md §8.1). */
export const SNS_SMS_ATTRIBUTE = {
  smsType: 'AWS.SNS.SMS.SMSType',
  senderId: 'AWS.SNS.SMS.SenderID',
  originationNumber: 'AWS.MM.SMS.OriginationNumber',
  maxPrice: 'AWS.SNS.SMS.MaxPrice',
} as const;

/** OTPs are time-critical: SNS then favours delivery over cost. */
export const SNS_SMS_TYPE = 'Transactional';
