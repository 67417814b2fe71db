import { readFileSync, writeFileSync } from 'node:fs';
import { CHART_README, chartValues, renderChartReadme } from '../scripts/chart-readme';

/** `npm run docs:chart` runs this spec with WRITE_CHART_README=1 to rewrite the chart README. */
describe('helm/okta-telephony-gateway/README.md', () => {
  const values = chartValues();

  it('should describe every value of values.yaml', () => {
    expect(values.filter((v) => !v.description).map((v) => v.key)).toEqual([]);
  });

  it('should be the README generated from values.yaml (npm run docs:chart)', () => {
    const expected = renderChartReadme(values);
    if (process.env.WRITE_CHART_README === '1') writeFileSync(CHART_README, expected);
    expect(readFileSync(CHART_README, 'utf8')).toEqual(expected);
  });
});
