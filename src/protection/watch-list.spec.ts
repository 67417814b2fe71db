import { plainToInstance } from 'class-transformer';
import { ManualClock } from '../../test/support/clock';
import { MemoryStore } from '../store/memory.store';
import { AdaptiveConfig } from './adaptive.config';
import { AdaptiveKey } from './adaptive-keys';
import { WatchList } from './watch-list';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const range: AdaptiveKey = {
  id: 'r5:abc',
  kind: 'range',
  label: '+44 7400 1',
  country: 'GB',
  narrow: true,
};
const country: AdaptiveKey = { id: 'c:GB', kind: 'country', label: 'GB', country: 'GB' };
const evidence = { test: 'poor' as const, sent: 5, verified: 0, baseline: 0.85 };

describe(WatchList.name, () => {
  let clock: ManualClock;
  let sut: WatchList;

  beforeEach(() => {
    clock = new ManualClock();
    const config = plainToInstance(
      AdaptiveConfig,
      { watchSeconds: 6 * 3600, maxWatchSeconds: 24 * 3600 },
      { exposeDefaultValues: true },
    );
    sut = new WatchList(new MemoryStore(1000, () => clock.now()), clock, config);
  });

  it('should keep a watch for watchSeconds, then let it lapse', async () => {
    const entry = await sut.start(range, evidence);

    expect(entry).toEqual({
      rank: clock.now() + 6 * HOUR,
      id: 'r5:abc',
      kind: 'range',
      label: '+44 7400 1',
      country: 'GB',
      wide: false,
      since: clock.now(),
      until: clock.now() + 6 * HOUR,
      strikes: 0,
      evidence,
    });
    clock.advance(6 * HOUR - 1);
    expect(sut.active(await sut.entry(range))).toBe(true);
    clock.advance(1);
    expect(sut.active(await sut.entry(range))).toBe(false);
  });

  it('should extend a watch while it blocks, never past maxWatchSeconds', async () => {
    const since = clock.now();
    let entry = await sut.start(country, evidence);
    for (let hour = 1; hour <= 30; hour++) {
      clock.advance(HOUR);
      if (sut.active(entry)) await sut.extend(entry);
      entry = (await sut.entry(country))!;
    }

    expect(entry.wide).toBe(true);
    expect(entry.until).toBe(since + 24 * HOUR);
  });

  it('should double the watch of a key that comes back, and list active watches newest first', async () => {
    const first = await sut.start(range, evidence);
    clock.advance(7 * HOUR);
    const second = await sut.start(range, evidence, first);
    clock.advance(MINUTE);
    await sut.start(country, evidence);

    expect(second.strikes).toBe(1);
    expect(second.until - second.since).toBe(12 * HOUR);
    expect((await sut.list()).map((e) => e.label)).toEqual(['GB', '+44 7400 1']);
    clock.advance(12 * HOUR);
    expect(await sut.list()).toEqual([]);
  });
});
