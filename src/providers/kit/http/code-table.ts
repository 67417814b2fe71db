import { ProviderErrorCode } from '../../provider-error';

/** A vendor's own error codes that say more than the HTTP status. */
export type CodeTable = Readonly<Record<string, ProviderErrorCode>>;

/** The class a vendor code maps to; undefined for unlisted codes (and `constructor` & co.). */
export function lookupCode(
  table: CodeTable,
  vendorCode: string | undefined,
): ProviderErrorCode | undefined {
  return vendorCode !== undefined && Object.hasOwn(table, vendorCode)
    ? table[vendorCode]
    : undefined;
}
