import { Injectable } from '@nestjs/common';
import { HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import { ProviderRegistry } from '../providers/provider.registry';
import { StoreConfig } from '../store/store.config';
import { StoreRuntime } from '../store/store.runtime';
import { ShutdownState } from './shutdown.state';

/**
 * The checks behind `/health/ready`. Only draining fails readiness. The store and the circuit
 * breakers are reported, never failed: a Redis outage hits every replica at once, and taking them
 * all out of the load balancer would make Okta fall back for every sign-in, while the hook can
 * still answer as `store.onUnavailable` says; an open breaker is about a vendor, not this pod.
 */
@Injectable()
export class ReadinessIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly shutdown: ShutdownState,
    private readonly store: StoreRuntime,
    private readonly storeConfig: StoreConfig,
    private readonly providers: ProviderRegistry,
  ) {}

  all(): HealthIndicatorFunction[] {
    return [
      () => this.configLoaded(),
      () => this.storeStatus(),
      () => this.breakerStates(),
      () => this.notDraining(),
    ];
  }

  private configLoaded() {
    return this.indicators.check('config').up({ providers: this.providers.all().length });
  }

  private storeStatus() {
    return this.indicators
      .check('store')
      .up({ ...this.store.status(), onUnavailable: this.storeConfig.onUnavailable });
  }

  private breakerStates() {
    return this.indicators.check('circuitBreakers').up(this.providers.breakerStates());
  }

  private notDraining() {
    const check = this.indicators.check('shutdown');
    return this.shutdown.draining ? check.down({ draining: true }) : check.up({ draining: false });
  }
}
