import { Injectable } from '@nestjs/common';
import { ProtectionService } from '../protection/protection.service';
import { toWatchView } from '../protection/watch-view';
import { ConsoleAudit } from './console-audit';
import { ConsoleSession } from './console-session';
import { page, PageAnswer } from './page-answer';
import { watchListPage } from './views/watch-list.view';

/** `/console/watchlist`: protection's watch list as `GET /protection/watchlist` lists it. */
@Injectable()
export class ConsoleWatchList {
  constructor(
    private readonly protection: ProtectionService,
    private readonly audit: ConsoleAudit,
  ) {}

  async page(session: ConsoleSession): Promise<PageAnswer> {
    const watched = (await this.protection.watchlist()).map(toWatchView);
    this.audit.viewed(session.user, { view: 'watchlist', watched: watched.length });
    return page(200, watchListPage(session, this.protection.watchPolicy, watched));
  }
}
