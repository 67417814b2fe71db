'use strict';
// npm run bench:fraud — replays seeded days of legitimate traffic mixed with SMS-pumping waves
// against the real gateway (in process, on a simulated clock) and prints what protection
// stopped. Options: --seeds 1,2,3 (default 1,2,3), --scale full|ci (default full),
// --config recommended|static|previous (default recommended; static: its rules without the
// watch list; previous: the rate limits recommended before the watch list).
// TypeScript is compiled on the fly, as ts-jest does, so the bench runs the sources.
const ts = require('typescript');
const { readFileSync } = require('node:fs');
require('reflect-metadata');

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      esModuleInterop: true,
      resolveJsonModule: true,
    },
  });
  module._compile(outputText, filename);
};

const argument = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};

async function main() {
  const { simulate } = require('./simulation.ts');
  const { markdown } = require('./report.ts');
  const { FULL, CI, WAVES } = require('./scenario.ts');
  const { RECOMMENDED_PROTECTION, PREVIOUS_PROTECTION } = require('./recommended.ts');
  const scale = argument('scale', 'full') === 'ci' ? CI : FULL;
  const seeds = argument('seeds', '1,2,3').split(',').map(Number);
  const configs = {
    recommended: RECOMMENDED_PROTECTION,
    static: { ...RECOMMENDED_PROTECTION, adaptive: { enabled: false } },
    previous: PREVIOUS_PROTECTION,
  };
  const protection = configs[argument('config', 'recommended')];
  if (!protection) throw new Error('--config: recommended, static or previous');
  for (const seed of seeds) {
    const started = Date.now();
    const { report, gateway } = await simulate(seed, scale, protection);
    const watched = await gateway.watchlist();
    await gateway.close();
    console.log(markdown(report, WAVES));
    console.log(`\nWatch list at the end: ${JSON.stringify(watched.watched.slice(0, 3))} (${watched.watched.length} keys)`);
    console.log(`Replayed in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
