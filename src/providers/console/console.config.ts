import { ProviderConfig } from '../provider.config';

/** The embedded default: writes a masked line to the log instead of sending anything. */
export class ConsoleConfig extends ProviderConfig {}
