import { eventually } from './eventually';
import { Gateway } from './gateway';
import { hookRequest } from './okta';
import { StoreDetails, storeDetails } from './store-status';

/** One hook request of a load run: when it started, when and what it was answered. */
export interface LoadedRequest {
  readonly eventId: string;
  readonly startedAt: number;
  answeredAt?: number;
  status?: number;
  body?: unknown;
}

/** How a load run goes: requests in flight at once, a pause between two, when to stop. */
export interface LoadPlan {
  readonly concurrency: number;
  readonly pauseMs: number;
  /** The bound: never more requests than this, whatever `until` says. */
  readonly max: number;
  /** Checked before each new request: true stops the run. */
  readonly until: (run: HookLoad) => boolean;
}

/**
 * A bounded loop of telephony hook requests, each with a fresh eventId, `concurrency` at a
 * time, kept while it runs so that a test can act on the way (fail Redis over) and check every
 * answer afterwards.
 */
export class HookLoad {
  readonly requests: LoadedRequest[] = [];
  readonly done: Promise<void>;
  private stopped = false;

  constructor(
    private readonly gateway: Gateway,
    private readonly name: string,
    private readonly plan: LoadPlan,
  ) {
    this.done = Promise.all(Array.from({ length: plan.concurrency }, () => this.worker())).then(
      () => undefined,
    );
  }

  /** Ends the run early (a test that failed on the way): no new request, wait for the others. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.done;
  }

  /** Requests answered so far. */
  answered(): LoadedRequest[] {
    return this.requests.filter((r) => r.answeredAt !== undefined);
  }

  /** Requests started after `at` (a time from Date.now()). */
  startedAfter(at: number): LoadedRequest[] {
    return this.requests.filter((r) => r.startedAt > at);
  }

  /** Waits until `count` requests are answered. */
  async untilAnswered(count: number): Promise<void> {
    await eventually(
      () => this.answered().length,
      (n) => n >= count,
      10_000,
    );
  }

  private async worker(): Promise<void> {
    while (!this.stopped && this.requests.length < this.plan.max && !this.plan.until(this)) {
      const request: LoadedRequest = {
        eventId: `${this.name}-${this.requests.length}`,
        startedAt: Date.now(),
      };
      this.requests.push(request);
      const res = await this.gateway.hook(hookRequest({ eventId: request.eventId })).catch(() => {
        return { status: undefined, body: 'no answer' }; // the test's assertions will say so
      });
      Object.assign(request, { answeredAt: Date.now(), status: res.status, body: res.body });
      await new Promise((resolve) => setTimeout(resolve, this.plan.pauseMs));
    }
  }
}

/** `/health/ready`'s store details sampled every `everyMs` until stopped: what an operator saw. */
export class StoreWatch {
  readonly samples: (StoreDetails & { at: number })[] = [];
  private running = true;
  private readonly loop: Promise<void>;

  constructor(
    private readonly gateway: Gateway,
    private readonly everyMs = 20,
  ) {
    this.loop = this.sample();
  }

  /** The availability it went through, repeats folded: [true, false, true] for one outage. */
  availability(): boolean[] {
    return this.samples
      .map((s) => s.available)
      .filter((available, i, all) => i === 0 || all[i - 1] !== available);
  }

  /** When the store was last seen coming back, if it was. */
  recoveredAt(): number | undefined {
    const i = this.samples.findLastIndex(
      (s, j) => j > 0 && s.available && !this.samples[j - 1].available,
    );
    return i < 0 ? undefined : this.samples[i].at;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async sample(): Promise<void> {
    while (this.running) {
      this.samples.push({ ...(await storeDetails(this.gateway)), at: Date.now() });
      await new Promise((resolve) => setTimeout(resolve, this.everyMs));
    }
  }
}
