import type { ESLint } from 'eslint';

/** What each folder of src/ may import (see dependency-direction.mjs). */
export declare const MAY_IMPORT: Readonly<Record<string, readonly string[]>>;

/** The plugin eslint.config.mjs registers as `layers`. */
declare const layers: ESLint.Plugin;
export default layers;
