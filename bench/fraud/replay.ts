import { SimGateway, SimClock } from './gateway-driver';
import { SimRequest } from './model';
import { hookBody, verifiedEvent } from './okta-wire';
import { Random } from './random';

/** What happened to one simulated request. */
export interface Outcome {
  readonly request: SimRequest;
  readonly sent: boolean;
  /** The rule that blocked it, from `transactionMetadata` (`blocked=<rule>; why=<reason>`). */
  readonly rule?: string;
  readonly why?: string;
}

/** Okta's System Log events reach the event hook a few seconds after the fact, in batches. */
const EVENT_LAG_MS = 2_000;
const EVENT_LAG_MEAN_MS = 6_000;
const BATCH_MS = 5_000;

type Action =
  | { readonly at: number; readonly kind: 'send'; readonly request: SimRequest }
  | { readonly at: number; readonly kind: 'verify'; readonly request: SimRequest };

/**
 * Replays the requests in simulated time order against the gateway: each hook request at its
 * moment on the gateway's clock; for each code sent that the person types in, Okta's
 * verification event through the event hook after a short lag. No sleeping: the clock jumps.
 */
export async function replay(
  requests: readonly SimRequest[],
  gateway: SimGateway,
  clock: SimClock,
  seed: number,
): Promise<Outcome[]> {
  const random = new Random(seed ^ 0x5eed);
  const queue = new ActionQueue();
  for (const request of requests) queue.push({ at: request.at, kind: 'send', request });
  const outcomes: Outcome[] = [];
  let sequence = 0;
  for (let action = queue.pop(); action; action = queue.pop()) {
    clock.set(action.at);
    if (action.kind === 'verify') {
      const batch = [
        action,
        ...queue.popWhile((a) => a.kind === 'verify' && a.at <= action.at + BATCH_MS),
      ];
      await gateway.events(batch.map((a) => verifiedEvent(a.request)));
      continue;
    }
    const { request } = action;
    const answer = await gateway.hook(hookBody(request, `sim-${seed}-${++sequence}`));
    const sent = answer.status === 'SUCCESSFUL';
    const blocked = /^blocked=([^;]+); why=([^;]+)/.exec(answer.transactionMetadata);
    outcomes.push({ request, sent, ...(blocked ? { rule: blocked[1], why: blocked[2] } : {}) });
    if (sent && request.verifyAfterMs !== undefined) {
      const lag = EVENT_LAG_MS + random.exponential(EVENT_LAG_MEAN_MS);
      queue.push({ at: request.at + request.verifyAfterMs + lag, kind: 'verify', request });
    }
  }
  return outcomes;
}

/** A binary min-heap of actions by time (sends before verifications at the same moment). */
class ActionQueue {
  private readonly heap: Action[] = [];

  push(action: Action): void {
    const heap = this.heap;
    heap.push(action);
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  pop(): Action | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l], heap[m])) m = l;
        if (r < heap.length && before(heap[r], heap[m])) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m], heap[i]];
        i = m;
      }
    }
    return top;
  }

  popWhile(test: (action: Action) => boolean): Action[] {
    const taken: Action[] = [];
    while (this.heap.length > 0 && test(this.heap[0])) taken.push(this.pop()!);
    return taken;
  }
}

function before(a: Action, b: Action): boolean {
  return a.at < b.at || (a.at === b.at && a.kind === 'send' && b.kind === 'verify');
}
