import { ServerConfig } from '../../common/server.config';

/** `key: <what> needs \`key\`` for each of `keys` that is not set in `config`. */
export function requireKeys<C extends object>(
  config: C,
  keys: readonly (keyof C & string)[],
  what: string,
): string[] {
  return keys.filter((key) => !config[key]).map((key) => `${key}: ${what} needs \`${key}\``);
}

/** A callback secret is pointless without a public URL for the vendor to call back. */
export function requirePublicUrl(key: string, isSet: boolean, server: ServerConfig): string[] {
  return isSet && !server.publicUrl
    ? [`${key}: delivery receipts need server.publicUrl, the address vendors call back`]
    : [];
}
