import { consoleVendor } from './console/console.provider';
import { plivoVendor } from './plivo/plivo.provider';
import { telnyxVendor } from './telnyx/telnyx.provider';
import { twilioVendor } from './twilio/twilio.provider';
import { VendorDefinition } from './vendor-definition';
import { vonageVendor } from './vonage/vonage.provider';

/** Every vendor type a provider block may name in `type`. One line per vendor. */
export const VENDORS: Readonly<Record<string, VendorDefinition>> = {
  console: consoleVendor,
  twilio: twilioVendor,
  vonage: vonageVendor,
  telnyx: telnyxVendor,
  plivo: plivoVendor,
};
