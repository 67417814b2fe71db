import { Parties } from './trust';

/**
 * What the verification feedback needs of a delivery protection let through, kept under
 * `pf:<delivery id>` until its code is verified or its send fails: the bucket it was counted
 * in, the watch-list keys that counted it, and who it was for. `rank` 1 is pending, 2 settled
 * (a ticket is settled once, on whichever replica gets there first).
 */
export interface VerificationTicket {
  readonly rank: 1 | 2;
  readonly bucket: number;
  readonly keys: readonly string[];
  readonly parties: Parties;
}

export const ticketKey = (deliveryId: string): string => `pf:${deliveryId}`;

/** How long a code can wait for its verification to be credited. */
export const TICKET_TTL_MS = 2 * 3600 * 1000;
