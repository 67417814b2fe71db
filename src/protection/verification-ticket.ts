import { Parties } from './trust';

/**
 * What the verification feedback needs of a delivery protection let through, kept under
 * `pf:<delivery id>` until its code is verified or its send fails: the bucket its number was
 * counted in, the watch-list keys, and who it was for. `rank` 1 is pending, 2 settled (a ticket
 * is settled once, on whichever replica gets there first).
 */
export interface VerificationTicket {
  readonly rank: 1 | 2;
  readonly bucket: number;
  readonly keys: readonly string[];
  readonly parties: Parties;
  /** This delivery is the one that counted its number as sent in this window. */
  readonly counted: boolean;
  /** The number's window (`pn:<phone>:<window>`), which counts one verification at most. */
  readonly numberWindow?: string;
}

/** The bucket a number was first counted in during one window. */
export interface NumberWindow {
  readonly bucket: number;
}

export const ticketKey = (deliveryId: string): string => `pf:${deliveryId}`;

/** How long a code can wait for its verification to be credited. */
export const TICKET_TTL_MS = 2 * 3600 * 1000;
