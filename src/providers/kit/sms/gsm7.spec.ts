import { needsUnicode } from './gsm7';

describe(needsUnicode.name, () => {
  it.each([
    ['Your code is 123456', false],
    ['Código: 123456 – ok', true],
    ['Code [123] {456} €5 ~ ^ | \\', false],
    ['Votre code est 123456 à utiliser', false],
    ['認証コード 123456', true],
    ['Code 123456 ✓', true],
  ])('should tell whether %j needs Unicode', (text, expected) => {
    expect(needsUnicode(text)).toBe(expected);
  });
});
