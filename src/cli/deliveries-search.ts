import { Command, InvalidArgumentError, Option } from 'commander';
import { ErrorBody } from '../common/api-error.body';
import { NewDeliveryRecord } from '../delivery/delivery-record.service';
import { SearchPage } from '../records/delivery-search.service';
import { DEFAULT_LIMIT, MAX_LIMIT, STATUSES } from '../records/search-query';
import {
  AdminOptions,
  adminGet,
  adminTarget,
  AdminTarget,
  unexpectedAnswer,
  withAdminOptions,
} from './admin-api';
import { action, CliContext, withJson } from './cli-context';
import { CliError, ExitCode, UsageError } from './cli-error';
import { printDeliveries } from './delivery-table';

/** Each filter flag and the query parameter of `GET /deliveries` it sets. */
const PARAMETERS = {
  user: 'user',
  last4: 'phoneLast4',
  from: 'from',
  to: 'to',
  status: 'status',
  provider: 'provider',
  limit: 'limit',
  cursor: 'cursor',
} as const;
type Filter = keyof typeof PARAMETERS;

interface SearchOptions extends AdminOptions, Partial<Record<Filter, string>> {
  readonly all?: boolean;
  readonly max: number;
}

const DEFAULT_MAX = 500;
const MAX_ITEMS = 10_000;
/** Pages `--all` reads at most: a page looks at 1,000 index entries, so a million in all. */
const MAX_PAGES = 1000;

/** `otg deliveries search [--user] [--last4] [--from] [--to] [--status] [--provider] [--limit] [--all]`. */
export function searchCommand(ctx: CliContext): Command {
  const search = withJson(
    withAdminOptions(
      new Command('search')
        .description("a user's deliveries newest first, or everyone's (GET /deliveries)")
        .option('--user <login>', 'Okta login (any case) or user id')
        .option('--last4 <digits>', "the number's last four digits (with --user)")
        .option('--from <time>', 'ISO 8601, e.g. 2026-05-01T09:30:00Z (default: the oldest record)')
        .option('--to <time>', 'ISO 8601 (default: now)')
        .option('--status <status>', STATUSES.join(', '))
        .option('--provider <id>', 'the provider that sent it')
        .option(
          '--limit <n>',
          `per page, 1-${MAX_LIMIT} (default ${DEFAULT_LIMIT}; ${MAX_LIMIT} with --all)`,
        )
        .option('--cursor <cursor>', 'start after a page: its nextCursor')
        .option('--all', 'follow nextCursor to the last page, up to --max deliveries')
        .addOption(
          new Option('--max <n>', 'with --all: stop after this many deliveries')
            .default(DEFAULT_MAX)
            .argParser(maxCount),
        ),
    ),
  );
  return action(ctx, search, (options: SearchOptions) => runSearch(ctx, options));
}

async function runSearch(ctx: CliContext, options: SearchOptions): Promise<ExitCode> {
  const target = adminTarget(ctx.env, options);
  const page = options.all
    ? await everyPage(target, options)
    : await onePage(target, query(options));
  print(ctx, page, options);
  return ExitCode.Ok;
}

/** Pages asked for no more than `--max` leaves, so the last cursor is exact: nothing is skipped. */
async function everyPage(target: AdminTarget, options: SearchOptions): Promise<SearchPage> {
  const items: NewDeliveryRecord[] = [];
  let cursor = options.cursor;
  for (let pages = 0; pages < MAX_PAGES && items.length < options.max; pages++) {
    const limit = pageSize(options.limit, options.max - items.length);
    const page = await onePage(target, query({ ...options, cursor, limit }));
    items.push(...page.items);
    if (page.nextCursor === null) return { items, nextCursor: null };
    cursor = page.nextCursor;
  }
  return { items, nextCursor: cursor ?? null };
}

async function onePage(target: AdminTarget, search: string): Promise<SearchPage> {
  const answer = await adminGet(target, `/deliveries${search}`);
  if (answer.status === 200) return answer.body as SearchPage;
  if (answer.status === 400) throw refused(answer.body);
  if (answer.status === 404) {
    throw new CliError(
      'The gateway has no admin API (404): its admin.tokens is empty.',
      undefined,
      'Give the gateway an admin token in admin.tokens, then use it here.',
    );
  }
  throw unexpectedAnswer(answer);
}

/** A `--limit` the gateway accepts, lowered to what is left; anything else goes as given (400). */
function pageSize(limit: string | undefined, left: number): string {
  if (limit === undefined) return String(Math.min(MAX_LIMIT, left));
  const n = /^\d{1,3}$/.test(limit) ? Number(limit) : NaN;
  return n >= 1 && n <= MAX_LIMIT ? String(Math.min(n, left)) : limit;
}

function query(values: Partial<Record<Filter, string>>): string {
  const params = new URLSearchParams();
  for (const [flag, name] of Object.entries(PARAMETERS)) {
    const value = values[flag as Filter];
    if (value !== undefined) params.set(name, value);
  }
  return params.size > 0 ? `?${params.toString()}` : '';
}

/** The gateway's 400, each wrong parameter named by its flag (the value is never repeated). */
function refused(body: unknown): UsageError {
  const causes = (body as Partial<ErrorBody> | null)?.error?.errorCauses ?? [];
  const flags = Object.entries(PARAMETERS);
  const lines = causes.map((cause) => {
    const flag = flags.find(([, name]) => name === cause.location)?.[0] ?? cause.location;
    return `  --${flag}: ${cause.reason}`;
  });
  return new UsageError(['The gateway refused the search (400):', ...lines].join('\n'));
}

function maxCount(value: string): number {
  const n = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (n >= 1 && n <= MAX_ITEMS) return n;
  throw new InvalidArgumentError(`must be an integer from 1 to ${MAX_ITEMS}.`);
}

function print(ctx: CliContext, page: SearchPage, options: SearchOptions): void {
  const { out } = ctx;
  if (out.json) return out.document(page);
  printDeliveries(out, page.items, { withUser: options.user === undefined });
  const next = page.nextCursor;
  if (next === null) return;
  if (!options.all) return out.line(`More: add --cursor ${next}, or --all for every page.`);
  const stop = page.items.length >= options.max ? `--max ${options.max}` : `${MAX_PAGES} pages`;
  out.line(`Stopped at ${stop}; more remain: add --cursor ${next} to go on.`);
}
