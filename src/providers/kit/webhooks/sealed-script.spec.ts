import { openScript, sealScript } from './sealed-script';
import { SealedTokens } from './sealed-token';

describe(openScript.name, () => {
  const tokens = new SealedTokens('secret-0123456789', 'test');
  const script = { language: 'de-DE', sentence: 'Ihr Bestätigungscode lautet 4, 8.', repeat: 2 };

  it('should open a sealed call script', () => {
    expect(openScript(tokens, sealScript(tokens, script))).toEqual(script);
  });

  it('should refuse sealed data that is not a call script', () => {
    expect(openScript(tokens, tokens.seal({ language: 'de-DE' }, 60_000))).toBeUndefined();
  });

  it('should refuse a script older than ten minutes', () => {
    const sealedAt = Date.now() - 10 * 60_000 - 1;

    expect(openScript(tokens, sealScript(tokens, script, sealedAt))).toBeUndefined();
  });
});
