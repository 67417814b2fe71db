'use strict';
// Where a profiled function lives, for bench/profile-summary.js and bench/alloc.js.

/** The package of a script URL: an npm package, `node-core`, `gateway` (dist/) or `(native)`. */
function packageOf(url) {
  if (!url) return '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node-core';
  return url.includes('/dist/') ? 'gateway' : url;
}

/** `name file:line`, the file relative to dist/ for the gateway's own code, else its package. */
function functionLabel(callFrame) {
  const { functionName, url, lineNumber } = callFrame;
  const file = packageOf(url) === 'gateway' ? url.slice(url.indexOf('/dist/') + 6) : packageOf(url);
  return `${functionName || '(anonymous)'} ${file}${url ? ':' + (lineNumber + 1) : ''}`;
}

module.exports = { packageOf, functionLabel };
