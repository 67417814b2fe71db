import { getMetadataStorage } from 'class-validator';
import { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/**
 * The candidate a mistyped word most likely meant: same letters in another case, or a few
 * edits away (a swap of two neighbours counts as one, so `tpye` is one edit from `type`).
 * Undefined when nothing is close.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  const limit = lower.length <= 4 ? 1 : lower.length <= 8 ? 2 : 3;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** `; did you mean "type"?` when a candidate is close to `word`, else nothing. */
export function hint(word: unknown, candidates: readonly string[]): string {
  if (typeof word !== 'string') return '';
  const match = closest(word, candidates);
  return match === undefined || match === word ? '' : `; did you mean "${match}"?`;
}

/** The keys a config class accepts: every property with a validation rule, inherited ones too. */
export function knownKeys(configClass: object): string[] {
  return [...new Set(rulesOf(configClass).map((rule) => rule.propertyName))];
}

/** The values `@IsIn` allows for this property of a config class, if it has that rule. */
export function allowedValues(configClass: object, property: string): string[] {
  const isIn = rulesOf(configClass).find(
    (rule) => rule.propertyName === property && rule.name === 'isIn',
  );
  const values: unknown = isIn?.constraints[0];
  return Array.isArray(values) ? values.map(String) : [];
}

function rulesOf(configClass: object): ValidationMetadata[] {
  const storage = getMetadataStorage();
  return storage.getTargetValidationMetadatas(configClass as () => void, '', true, false);
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, rows[i - 2][j - 2] + 1);
      }
      rows[i][j] = d;
    }
  }
  return rows[a.length][b.length];
}
