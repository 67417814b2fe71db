import { Injectable } from '@nestjs/common';
import { HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from '../config/app.config';
import { ShutdownState } from './shutdown.state';

/** The checks behind `/health/ready`. */
@Injectable()
export class ReadinessIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly shutdown: ShutdownState,
    private readonly config: AppConfig,
  ) {}

  all(): HealthIndicatorFunction[] {
    return [() => this.configLoaded(), () => this.notDraining()];
  }

  private configLoaded() {
    return this.indicators
      .check('config')
      .up({ providers: Object.keys(this.config.providers).length });
  }

  private notDraining() {
    const check = this.indicators.check('shutdown');
    return this.shutdown.draining ? check.down({ draining: true }) : check.up({ draining: false });
  }
}
