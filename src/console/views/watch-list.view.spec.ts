import { WatchPolicy, WatchView } from '../../protection/watch-view';
import { ConsoleSession } from '../console-session';
import { watchListPage } from './watch-list.view';

const session: ConsoleSession = {
  user: { subject: '00uSUPPORT', name: 'support@example.com', groups: ['otg-support'] },
  createdAt: 0,
  seenAt: 0,
  csrf: 'csrf-token',
};

const enforced: WatchPolicy = {
  enabled: true,
  action: 'block',
  monitored: false,
  requestTypes: ['enrollment'],
};

const network: WatchView = {
  kind: 'network',
  key: '198.51.100.0/24',
  country: 'GB',
  since: '2026-11-23T09:02:01.000Z',
  until: '2026-11-23T21:02:01.000Z',
  strikes: 1,
  test: 'burst',
  sent: 6,
  verified: 0,
  baseline: 0.85,
  explanation: 'network 198.51.100.0/24 sent 6 verified 0, baseline 0.85',
};

/** The page's text: tags dropped, spaces collapsed. */
const text = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const status = (markup: string) => /<p role="status">([^<]*)<\/p>/.exec(markup)?.[1];

describe(watchListPage.name, () => {
  it.each([
    [
      { monitored: true },
      'Monitor mode: deliveries of enrollment requests to a watched key are recorded as would-block, never blocked.',
      'No key is on the watch list.',
    ],
    [
      { action: 'step-down', requestTypes: ['enrollment', 'sign-in'] },
      'Stepped down: deliveries of enrollment, sign-in requests to a watched key get no voice call, and SMS up to protection.adaptive.stepDown.limit per window.',
      'No key is on the watch list.',
    ],
    [
      { enabled: false },
      'The watch list is off (protection.adaptive.enabled is false).',
      undefined,
    ],
  ] as const)('should say what a watch does with %j', (change, said, empty) => {
    const markup = watchListPage(session, { ...enforced, ...change }, []);

    expect(status(markup)).toBe(said);
    expect(/<p>(No key[^<]*)<\/p>/.exec(markup)?.[1]).toBe(empty);
    expect(markup).not.toContain('<table');
  });

  it('should show a watched network with its evidence, earlier watches and monitor flag', () => {
    const markup = watchListPage(session, { ...enforced, monitored: true }, [network]);

    expect(text(/<tbody>([\s\S]*)<\/tbody>/.exec(markup)![1])).toBe(
      '198.51.100.0/24 network GB 6 0 85 % burst: new numbers faster than codes are due ' +
        '(watched 1 time before) 2026-11-23 09:02:01Z 2026-11-23 21:02:01Z block yes: counted, not blocked',
    );
    expect(markup).toContain('<caption class="note">');
    expect(markup).toContain('1 watched key, newest first');
  });
});
