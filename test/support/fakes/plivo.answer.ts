/** What the fake heard when it fetched a call's answer URL, as Plivo does once the call is answered. */
export interface AnswerFetch {
  readonly status: number;
  readonly contentType: string;
  /** The `<Speak>` elements, in order, with their text unescaped. */
  readonly spoken: { voice?: string; language?: string; text: string }[];
  readonly waits: number;
}

/** The `<Speak>` and `<Wait>` elements of a `<Response>`; undefined when the body is not one. */
export function readAnswer(answer: {
  status: number;
  contentType: string;
  body: string;
}): AnswerFetch | undefined {
  const xml = answer.body.replace(/^<\?xml[^>]*\?>/, '');
  if (!/^<Response>.*<\/Response>$/s.test(xml) || !answer.contentType.includes('xml'))
    return undefined;
  const spoken = [...xml.matchAll(/<Speak([^>]*)>([^<]*)<\/Speak>/g)].map(
    ([, attributes, text]) => ({
      voice: /voice="([^"]*)"/.exec(attributes)?.[1],
      language: /language="([^"]*)"/.exec(attributes)?.[1],
      text: unescapeXml(text),
    }),
  );
  return {
    status: answer.status,
    contentType: answer.contentType,
    spoken,
    waits: xml.split('<Wait').length - 1,
  };
}

function unescapeXml(text: string): string {
  const entities: Record<string, string> = {
    '&lt;': '<',
    '&gt;': '>',
    '&quot;': '"',
    '&apos;': "'",
    '&amp;': '&',
  };
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (e) => entities[e]);
}
