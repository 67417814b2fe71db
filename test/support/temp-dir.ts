import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created: string[] = [];
// Registered when a spec file first imports this module, so it runs after that file's tests.
afterAll(removeTempDirs);

/**
 * A new folder under the OS temp directory, removed with everything in it once the spec file
 * that imported this module has run. Call it from a spec or its support modules.
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes every folder tempDir() made so far (also run by afterAll). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}
