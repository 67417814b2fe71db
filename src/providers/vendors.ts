import { eightByEightVendor } from './8x8/8x8.provider';
import { awsSmsVoiceVendor } from './aws-sms-voice/aws-sms-voice.provider';
import { azureAcsVendor } from './azure-acs/azure-acs.provider';
import { consoleVendor } from './console/console.provider';
import { genericHttpVendor } from './generic-http/generic-http.provider';
import { infobipVendor } from './infobip/infobip.provider';
import { plivoVendor } from './plivo/plivo.provider';
import { sinchVendor } from './sinch/sinch.provider';
import { snsVendor } from './sns/sns.provider';
import { telesignVendor } from './telesign/telesign.provider';
import { telnyxVendor } from './telnyx/telnyx.provider';
import { twilioVendor } from './twilio/twilio.provider';
import { VendorDefinition } from './vendor-definition';
import { vonageVendor } from './vonage/vonage.provider';

/** Every vendor type a provider block may name in `type`. One line per vendor. */
export const VENDORS: Readonly<Record<string, VendorDefinition>> = {
  console: consoleVendor,
  twilio: twilioVendor,
  sinch: sinchVendor,
  infobip: infobipVendor,
  http: genericHttpVendor,
  sns: snsVendor,
  'aws-sms-voice': awsSmsVoiceVendor,
  vonage: vonageVendor,
  telnyx: telnyxVendor,
  plivo: plivoVendor,
  telesign: telesignVendor,
  '8x8': eightByEightVendor,
  'azure-acs': azureAcsVendor,
};
