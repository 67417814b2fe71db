import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let version: string | undefined;

/** The gateway's version, from its package.json (beside dist/ in the image, as in a checkout). */
export function appVersion(): string {
  version ??= (
    JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  return version;
}
