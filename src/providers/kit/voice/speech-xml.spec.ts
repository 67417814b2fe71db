import { renderSpeechXml } from './speech-xml';

describe(renderSpeechXml.name, () => {
  it('should speak the script as often as it says, with the pause between, everything escaped', () => {
    const xml = renderSpeechXml(
      { language: 'en-US', sentence: 'Code <1> & "2".', repeat: 3 },
      { element: 'Speak', attributes: { voice: 'W"O', language: 'en-US' }, pause: '<Wait/>' },
    );

    const speak =
      '<Speak voice="W&quot;O" language="en-US">Code &lt;1&gt; &amp; &quot;2&quot;.</Speak>';
    expect(xml).toBe(`<Response>${speak}<Wait/>${speak}<Wait/>${speak}</Response>`);
  });
});
