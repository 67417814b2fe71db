import { Injectable } from '@nestjs/common';

/** Whether the process is draining: readiness fails from the first SIGTERM on. */
@Injectable()
export class ShutdownState {
  private drainingSince?: number;

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  begin(): void {
    this.drainingSince ??= Date.now();
  }
}
