import { Controller, Get, UseGuards } from '@nestjs/common';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { ProtectionService } from './protection.service';
import { WatchView, toWatchView } from './watch-view';

/** Support staff and admins: the keys on the watch list (admin token). */
@Controller('protection')
@UseGuards(AdminAuthGuard)
export class ProtectionController {
  constructor(private readonly protection: ProtectionService) {}

  @Get('watchlist')
  async watchlist(): Promise<{ watched: WatchView[] }> {
    return { watched: (await this.protection.watchlist()).map(toWatchView) };
  }
}
