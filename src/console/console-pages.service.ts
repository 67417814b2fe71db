import { Injectable } from '@nestjs/common';
import { hostname } from 'node:os';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { scrubDigits } from '../common/scrub';
import { ProviderRegistry } from '../providers/provider.registry';
import { DeliveryLookupService } from '../records/delivery-lookup.service';
import { DeliverySearchService } from '../records/delivery-search.service';
import { ConsoleAudit } from './console-audit';
import { ConsoleSession } from './console-session';
import { CountryFiguresService } from './country-figures';
import { page, PageAnswer } from './page-answer';
import { ProviderHealthWindow } from './provider-health';
import { deliveryPage } from './views/delivery.view';
import { countriesPage, providersPage } from './views/health.view';
import { SearchForm, searchPage, SearchResult } from './views/search.view';

/** The search form's fields that go to `GET /deliveries`' search. */
const FORM_FIELDS = ['user', 'phoneLast4', 'status', 'from', 'to', 'cursor'];

/** Each console page, built from the records and the health figures, and its audit line. */
@Injectable()
export class ConsolePages {
  private readonly replica = hostname();

  constructor(
    private readonly searches: DeliverySearchService,
    private readonly lookup: DeliveryLookupService,
    private readonly providers: ProviderHealthWindow,
    private readonly countries: CountryFiguresService,
    private readonly registry: ProviderRegistry,
    private readonly audit: ConsoleAudit,
  ) {}

  async search(
    session: ConsoleSession,
    query: Readonly<Record<string, unknown>>,
  ): Promise<PageAnswer> {
    const form: SearchForm = Object.fromEntries(
      FORM_FIELDS.map((f) => [
        f,
        typeof query[f] === 'string' && query[f] !== '' ? query[f] : undefined,
      ]),
    );
    if (!form.user) return page(200, searchPage(session, form, { kind: 'none' }));
    const criteria = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined));
    const result = await this.searched(criteria);
    this.audit.viewed(session.user, {
      view: 'search',
      user: form.user,
      filters: Object.keys(criteria).filter((f) => f !== 'user' && f !== 'cursor'),
      results: result.kind === 'page' ? result.page.items.length : 0,
    });
    return page(result.kind === 'invalid' ? 400 : 200, searchPage(session, form, result));
  }

  async delivery(session: ConsoleSession, id: string): Promise<PageAnswer> {
    try {
      const record = await this.lookup.get(id);
      this.audit.viewed(session.user, {
        view: 'delivery',
        deliveryId: record.deliveryId,
        transactionId: record.transactionId,
        found: true,
      });
      return page(
        200,
        deliveryPage(session, record, (p) => this.registry.typeOf(p)),
      );
    } catch (error) {
      if (error instanceof ApiError && error.code === ApiErrorCode.NotFound) {
        // What was typed may be anything, a phone number included: digit runs are hidden.
        this.audit.viewed(session.user, {
          view: 'delivery',
          deliveryId: scrubDigits(id.slice(0, 128)),
          found: false,
        });
      }
      throw error;
    }
  }

  providersHealth(session: ConsoleSession): PageAnswer {
    this.audit.viewed(session.user, { view: 'providers' });
    return page(200, providersPage(session, this.providers.health(), this.replica));
  }

  async countryFigures(session: ConsoleSession): Promise<PageAnswer> {
    this.audit.viewed(session.user, { view: 'countries' });
    return page(200, countriesPage(session, await this.countries.figures(), this.replica));
  }

  private async searched(criteria: Record<string, unknown>): Promise<SearchResult> {
    try {
      return { kind: 'page', page: await this.searches.search(criteria) };
    } catch (error) {
      if (error instanceof ApiError && error.code === ApiErrorCode.InvalidQuery) {
        return { kind: 'invalid', causes: error.causes };
      }
      throw error;
    }
  }
}
