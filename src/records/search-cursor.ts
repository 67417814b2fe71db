import { IndexEntry } from '../store/key-value-store';

/** Where a scan of the indexes stands: the last entry looked at (scores descending). */
export type Position = IndexEntry;

/** A position above every entry scored `score` or less. */
export function startAt(score: number): Position {
  return { score, member: '\uffff' };
}

/** Whether the entry comes after the position in the scan (lower score, or same score and lower member). */
export function isAfter(entry: IndexEntry, position: Position): boolean {
  return (
    entry.score < position.score ||
    (entry.score === position.score && entry.member < position.member)
  );
}

const SHAPE = /^[A-Za-z0-9_-]{1,400}$/;

/** The opaque cursor of the next page: the position, base64url JSON. */
export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.score, position.member])).toString('base64url');
}

/** The position a cursor names, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string): Position | undefined {
  if (!SHAPE.test(cursor)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [score, member] = value as unknown[];
    if (typeof score !== 'number' || !Number.isFinite(score) || typeof member !== 'string') {
      return undefined;
    }
    return { score, member };
  } catch {
    return undefined;
  }
}
