import { Injectable } from '@nestjs/common';
import { DeliveryObserver } from '../delivery/delivery-observers';
import { NewDeliveryRecord } from '../delivery/delivery-record.service';
import { BreakerState } from '../providers/circuit-breaker';
import { ProviderRegistry } from '../providers/provider.registry';

/** Attempts kept per provider: the last ones, within the last WINDOW_MS. */
const PER_PROVIDER = 200;
const WINDOW_MS = 15 * 60_000;

interface Sample {
  readonly at: number;
  readonly sent: boolean;
  readonly latencyMs: number;
  readonly outcome: string;
  readonly reason?: string;
}

/** One provider as the providers page shows it (this replica only). */
export interface ProviderHealth {
  readonly id: string;
  readonly vendor: string;
  readonly channels: readonly string[];
  readonly breaker: BreakerState;
  /** Attempts in the window, skipped ones (open breaker) left out. */
  readonly attempts: number;
  /** Sent / attempts, 0–1; undefined without attempts. */
  readonly successRate?: number;
  /** Latency of the attempts in the window, ms. */
  readonly medianMs?: number;
  readonly p95Ms?: number;
  readonly lastFailure?: {
    readonly at: number;
    readonly outcome: string;
    readonly reason?: string;
  };
}

/**
 * A small rolling window of attempts per provider, fed by the delivery observers, beside each
 * provider's circuit breaker state from the registry: what the console's providers page shows.
 * Like the breakers, it is this replica's view; Prometheus has every replica's.
 */
@Injectable()
export class ProviderHealthWindow implements DeliveryObserver {
  private readonly samples = new Map<string, Sample[]>();

  constructor(private readonly registry: ProviderRegistry) {}

  delivered(record: NewDeliveryRecord): Promise<void> {
    const end = Date.parse(record.createdAt);
    for (const attempt of record.attempts) {
      if (attempt.outcome === 'skipped') continue;
      const list = this.samples.get(attempt.providerId) ?? [];
      list.push({
        at: end,
        sent: attempt.outcome === 'sent',
        latencyMs: attempt.latencyMs,
        outcome: attempt.outcome,
        ...(attempt.reason ? { reason: attempt.reason } : {}),
      });
      if (list.length > PER_PROVIDER) list.shift();
      this.samples.set(attempt.providerId, list);
    }
    return Promise.resolve();
  }

  /**
   * Every provider that can send (the routed ones, in configuration order), and an unrouted one
   * once a receipt for it has arrived (ProviderRegistry builds those only then).
   */
  health(now = Date.now()): ProviderHealth[] {
    const states = this.registry.breakerStates();
    return this.registry.all().map((provider) => {
      const recent = (this.samples.get(provider.id) ?? []).filter((s) => now - s.at <= WINDOW_MS);
      const latencies = recent.map((s) => s.latencyMs).sort((a, b) => a - b);
      const failure = recent.findLast((s) => !s.sent);
      return {
        id: provider.id,
        vendor: provider.type,
        channels: provider.channels,
        breaker: states[provider.id],
        attempts: recent.length,
        ...(recent.length > 0
          ? {
              successRate: recent.filter((s) => s.sent).length / recent.length,
              medianMs: quantile(latencies, 0.5),
              p95Ms: quantile(latencies, 0.95),
            }
          : {}),
        ...(failure
          ? { lastFailure: { at: failure.at, outcome: failure.outcome, reason: failure.reason } }
          : {}),
      };
    });
  }
}

/** Nearest-rank quantile of sorted values. */
function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** How long the window looks back, for the page. */
export const HEALTH_WINDOW_MINUTES = WINDOW_MS / 60_000;
