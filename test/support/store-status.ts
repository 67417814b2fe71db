import { Gateway } from './gateway';

/** `details.store` of `/health/ready`, as a platform engineer reads it. */
export interface StoreDetails {
  readonly status: string;
  readonly driver: string;
  readonly topology?: string;
  readonly available: boolean;
  readonly problem?: string;
  readonly onUnavailable: string;
}

/** The store part of the gateway's readiness answer (readiness stays 200 through an outage). */
export async function storeDetails(gateway: Gateway): Promise<StoreDetails> {
  const res = await gateway.http().get('/health/ready').expect(200);
  return (res.body as { details: { store: StoreDetails } }).details.store;
}

/** Warnings and errors the gateway logged about its store (a refused command, an outage). */
export function storeWarnings(gateway: Gateway): Record<string, unknown>[] {
  return gateway.logs
    .entries()
    .filter((e) => Number(e.level) >= 40 && /store|redis|not saved/i.test(String(e.msg)));
}
