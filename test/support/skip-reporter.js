'use strict';
// A jest reporter (jest.config.js) that ends every run with the suites and tests it skipped and
// why, without --verbose. Specs skip through test/support/skip.ts, whose titles carry the reason.
const { relative } = require('node:path');

const SKIP_MARK = '[skipped: ';
const SKIPPED = new Set(['pending', 'skipped', 'todo', 'disabled']);

/** The reason in a title that carries one ("name [skipped: reason]"). */
function reasonIn(title) {
  const at = title.indexOf(SKIP_MARK);
  return at < 0 ? undefined : title.slice(at + SKIP_MARK.length, title.lastIndexOf(']'));
}

/** One line per skipped suite (its tests counted) or test, with its file and reason. */
function skippedLines(results, rootDir, filtered) {
  const lines = new Map();
  for (const file of results.testResults) {
    for (const test of file.testResults) {
      if (!SKIPPED.has(test.status)) continue;
      const titles = [...test.ancestorTitles, test.title];
      const marked = titles.findIndex((title) => reasonIn(title) !== undefined);
      // With -t, the tests it filtered out are skipped too; only the marked ones matter then.
      if (marked < 0 && filtered) continue;
      const reason =
        marked < 0
          ? test.status === 'todo'
            ? 'todo'
            : 'no reason given'
          : reasonIn(titles[marked]);
      const name = (marked < 0 ? titles : titles.slice(0, marked + 1))
        .map((title) => title.replace(/ \[skipped: .*\]$/, ''))
        .join(' › ');
      const key = `${relative(rootDir, file.testFilePath)}: ${name} — ${reason}`;
      lines.set(key, (lines.get(key) ?? 0) + 1);
    }
  }
  return [...lines].map(([line, count]) => `  ${line}${count > 1 ? ` (${count} tests)` : ''}`);
}

class SkipReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.filtered = Boolean(globalConfig.testNamePattern);
  }

  onRunComplete(_contexts, results) {
    const lines = skippedLines(results, this.rootDir, this.filtered);
    if (lines.length === 0) return;
    process.stderr.write(
      `\nSkipped (${results.numPendingTests + results.numTodoTests} tests):\n${lines.join('\n')}\n\n`,
    );
  }
}

module.exports = SkipReporter;
module.exports.SKIP_MARK = SKIP_MARK;
