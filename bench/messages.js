'use strict';
// npm run bench:messages — the SMS segments each sample OTP text costs before and after
// messages.encoding: gsm7-when-possible (texts: bench/localized-otp-texts.json). No network.
const { join } = require('node:path');
const texts = require('./localized-otp-texts.json');
const dist = join(__dirname, '..', 'dist', 'delivery');
const { smsShape } = require(join(dist, 'sms-segments.js'));
const { toGsm7 } = require(join(dist, 'messages', 'gsm7-transliteration.js'));

const rows = Object.entries(texts).map(([locale, text]) => {
  const before = smsShape(text);
  const after = smsShape(toGsm7(text, locale) ?? text);
  return { locale, chars: [...text].length, before, after };
});
console.log('| locale | characters | keep | gsm7-when-possible | saved |');
console.log('|---|---|---|---|---|');
for (const { locale, chars, before, after } of rows) {
  const saved = before.segments - after.segments;
  console.log(
    `| ${locale} | ${chars} | ${before.segments} (${before.encoding}) | ${after.segments} (${after.encoding}) | ${saved ? `${Math.round((100 * saved) / before.segments)} %` : '—'} |`,
  );
}
const total = (key) => rows.reduce((sum, row) => sum + row[key].segments, 0);
console.log(`\n${rows.length} texts: ${total('before')} segments kept as they are, ${total('after')} transliterated.`);
