import { readFileSync, writeFileSync } from 'node:fs';
import {
  REFERENCE_FILE,
  configKeys,
  drift,
  readMeanings,
  renderReference,
} from '../scripts/config-reference';

/** `npm run docs:config` runs this spec with WRITE_CONFIG_REFERENCE=1 to rewrite the reference. */
describe('docs/configuration.md', () => {
  const keys = configKeys();
  const meanings = readMeanings();

  it('should give every configuration key a meaning, and every meaning a key', () => {
    expect(drift(keys, meanings)).toEqual([]);
  });

  it('should be the reference generated from the config classes (npm run docs:config)', () => {
    const expected = renderReference(keys, meanings);
    if (process.env.WRITE_CONFIG_REFERENCE === '1') writeFileSync(REFERENCE_FILE, expected);
    expect(readFileSync(REFERENCE_FILE, 'utf8')).toEqual(expected);
  });
});
