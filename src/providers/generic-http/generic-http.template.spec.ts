import {
  hasLineBreak,
  renderForm,
  renderJson,
  substitute,
  TemplateValues,
  unknownPlaceholders,
} from './generic-http.template';

const values = (text: string): TemplateValues => ({
  to: '+14155552671',
  toDigits: '14155552671',
  from: '+15005550006',
  text,
  code: '480213',
  channel: 'sms',
  locale: 'en-US',
  deliveryId: 'd-1',
  speech: 'Your verification code is 4, 8. Your verification code is 4, 8.',
  speechLanguage: 'en-US',
});

/** Texts a person, a template author or an attacker could put in a message. */
const HOSTILE: [string, string][] = [
  ['quotes', 'He said "hi" and \'bye\''],
  ['backslashes', 'back\\slash \\" \\u0000'],
  ['form separators', 'a=1&b=2&To=+19999999999'],
  ['placeholders', 'literal {{code}} and {{ to }} and {{nope}}'],
  ['line breaks', 'line one\nline two\r\nthree'],
  ['non-ASCII', 'Grüße 你好 🔐 ✓'],
  ['a string that closes the JSON string and adds a field', 'x", "admin": true, "y": "'],
  ['a string that closes the JSON object', '"}, "to": "+19999999999", "z": {"a": "'],
];

describe(renderJson.name, () => {
  const template = {
    to: '{{to}}',
    from: '{{ from }}',
    body: 'Code: {{text}}',
    meta: { ref: '{{deliveryId}}', tags: ['otp', '{{channel}}'], count: 1, flash: false },
  };

  it.each(HOSTILE)('should keep %s inside its one string field', (_name, text) => {
    const parsed = JSON.parse(renderJson(template, values(text)));

    expect(parsed).toEqual({
      to: '+14155552671',
      from: '+15005550006',
      body: `Code: ${text}`,
      meta: { ref: 'd-1', tags: ['otp', 'sms'], count: 1, flash: false },
    });
  });

  it('should serialise exactly what JSON.stringify gives, with no field added', () => {
    expect(renderJson({ b: '{{text}}' }, values('x", "admin": true, "y": "'))).toBe(
      '{"b":"x\\", \\"admin\\": true, \\"y\\": \\""}',
    );
  });

  it('should leave keys and non-string leaves untouched', () => {
    expect(JSON.parse(renderJson({ '{{to}}': 1, list: [null, 2.5] }, values('t')))).toEqual({
      '{{to}}': 1,
      list: [null, 2.5],
    });
  });
});

describe(renderForm.name, () => {
  const template = { To: '{{to}}', From: '{{from}}', Body: '{{text}}' };

  it.each(HOSTILE)('should encode %s as the one Body field', (_name, text) => {
    const form = new URLSearchParams(renderForm(template, values(text)));

    expect([...form.entries()]).toEqual([
      ['To', '+14155552671'],
      ['From', '+15005550006'],
      ['Body', text],
    ]);
  });

  it('should percent-encode & and = so they cannot start a field', () => {
    expect(renderForm({ Body: '{{text}}' }, values('a=1&To=x'))).toBe('Body=a%3D1%26To%3Dx');
  });

  it('should send numbers and booleans of the template as text', () => {
    expect(renderForm({ Count: 1, Flash: false }, values(''))).toBe('Count=1&Flash=false');
  });
});

describe(substitute.name, () => {
  it('should substitute in one pass so a value holding a placeholder stays literal', () => {
    expect(substitute('{{text}} / {{code}}', values('{{code}}'))).toBe('{{code}} / 480213');
  });

  it('should apply the encoder to values only', () => {
    expect(substitute('/send/{{to}}?t={{text}}', values('a b&c'), encodeURIComponent)).toBe(
      '/send/%2B14155552671?t=a%20b%26c',
    );
  });
});

describe(unknownPlaceholders.name, () => {
  it('should list each unknown name once, wherever it appears', () => {
    const template = { a: '{{to}} {{phone}}', b: ['{{ message }}', '{{phone}}'], c: 3 };

    expect(unknownPlaceholders(template)).toEqual(['phone', 'message']);
  });
});

describe(hasLineBreak.name, () => {
  it.each([
    ['a CR', 'a\rb', true],
    ['a LF', 'a\nb', true],
    ['a NUL', 'a\0b', true],
    ['one line', 'Bearer abc', false],
  ])('should tell whether text with %s holds a line break', (_name, text, expected) => {
    expect(hasLineBreak(text)).toBe(expected);
  });
});
