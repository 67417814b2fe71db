import { Counter, Registry } from 'prom-client';
import { CountryFiguresService, SENT_METRIC, VERIFIED_METRIC } from './country-figures';

const HOUR = 3_600_000;

describe(CountryFiguresService.name, () => {
  let registry: Registry;
  let sent: Counter<'channel' | 'country'>;
  let verified: Counter<'channel' | 'country'>;
  let sut: CountryFiguresService;
  const t0 = Date.parse('2026-05-01T00:00:00Z');

  beforeEach(() => {
    registry = new Registry();
    const counter = (name: string) =>
      new Counter({ name, help: name, labelNames: ['channel', 'country'], registers: [registry] });
    sent = counter(SENT_METRIC);
    verified = counter(VERIFIED_METRIC);
    sut = new CountryFiguresService(registry);
  });

  it('should raise the alarm for a country whose codes stop being verified', async () => {
    await sut.sample(t0 - 3 * HOUR); // before any code
    sent.inc({ channel: 'sms', country: 'US' }, 100);
    verified.inc({ channel: 'sms', country: 'US' }, 80);
    sent.inc({ channel: 'sms', country: 'GB' }, 50);
    verified.inc({ channel: 'voice', country: 'GB' }, 40);
    await sut.sample(t0 - HOUR);
    sent.inc({ channel: 'sms', country: 'US' }, 30);
    verified.inc({ channel: 'sms', country: 'US' }, 3);
    sent.inc({ channel: 'sms', country: 'GB' }, 10);
    verified.inc({ channel: 'sms', country: 'GB' }, 8);

    const figures = await sut.figures(t0);

    expect(figures).toEqual({
      baselineSince: t0 - 3 * HOUR,
      hourKnown: true,
      countries: [
        {
          country: 'GB',
          sentHour: 10,
          verifiedHour: 8,
          ratioHour: 0.8,
          sentBaseline: 60,
          verifiedBaseline: 48,
          ratioBaseline: 0.8,
          alarm: false,
        },
        {
          country: 'US',
          sentHour: 30,
          verifiedHour: 3,
          ratioHour: 0.1,
          sentBaseline: 130,
          verifiedBaseline: 83,
          ratioBaseline: 83 / 130,
          alarm: true,
        },
      ],
    });
  });

  it('should not judge before an hour of history, nor a country sending 20 codes or fewer', async () => {
    await sut.sample(t0 - 10 * 60_000);
    sent.inc({ channel: 'sms', country: 'US' }, 40);

    expect((await sut.figures(t0)).hourKnown).toBe(false);
    expect((await sut.figures(t0)).countries[0].alarm).toBe(false);

    await sut.sample(t0);
    sent.inc({ channel: 'sms', country: 'US' }, 20);
    verified.inc({ channel: 'sms', country: 'FR' }, 1);
    const later = await sut.figures(t0 + HOUR);
    expect(later.countries.find((c) => c.country === 'US')).toMatchObject({
      sentHour: 20,
      alarm: false,
    });
  });
});
