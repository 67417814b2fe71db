import { Gateway } from './gateway';

/**
 * The value of one sample in `/metrics`, e.g. `metric(g, 'otg_okta_events_total', { event_type:
 * 'user.session.start' })`; 0 when the sample is absent (a counter never incremented).
 */
export async function metric(
  gateway: Gateway,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const text = (await gateway.http().get('/metrics').expect(200)).text;
  const wanted = Object.entries(labels);
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (wanted.every(([k, v]) => present[k] === v)) return Number(match[3]);
  }
  return 0;
}
