/** One scrape of `/metrics`, read back: sample values by name and labels, families by type. */
export class Scrape {
  private readonly samples = new Map<string, number>();
  /** Metric family name → type, from the `# TYPE` lines. */
  readonly families = new Map<string, string>();

  constructor(text: string) {
    for (const line of text.split('\n')) {
      const type = /^# TYPE (\S+) (\S+)$/.exec(line);
      if (type) this.families.set(type[1], type[2]);
      const sample = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (sample) this.samples.set(key(sample[1], parseLabels(sample[2] ?? '')), Number(sample[3]));
    }
  }

  /** The sample's value, or undefined when the series does not exist. */
  value(name: string, labels: Record<string, string> = {}): number | undefined {
    return this.samples.get(key(name, labels));
  }
}

function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [, name, value] of text.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[name] = value;
  return labels;
}

function key(name: string, labels: Record<string, string>): string {
  const sorted = Object.keys(labels)
    .sort()
    .map((l) => `${l}=${labels[l]}`);
  return `${name}{${sorted.join(',')}}`;
}
