/**
 * The prom-client child of each combination of up to three label values, created once: a hot
 * path then pays Map lookups instead of prom-client's per-call label hashing (which sorts the
 * label names and builds a key string). Only for bounded label values: every combination seen
 * is kept, as Prometheus keeps every series.
 */
export class LabelCache<T> {
  private readonly children = new Map<string, Map<string, Map<string, T>>>();

  /** `create` makes the child, e.g. `(a, b) => counter.labels({ provider: a, outcome: b })`. */
  constructor(private readonly create: (a: string, b: string, c: string) => T) {}

  get(a: string, b = '', c = ''): T {
    let byB = this.children.get(a);
    if (!byB) this.children.set(a, (byB = new Map<string, Map<string, T>>()));
    let byC = byB.get(b);
    if (!byC) byB.set(b, (byC = new Map<string, T>()));
    let child = byC.get(c);
    if (child === undefined) byC.set(c, (child = this.create(a, b, c)));
    return child;
  }
}
