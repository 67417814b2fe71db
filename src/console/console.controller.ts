import {
  Controller,
  Get,
  Header,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { ConsolePageFilter } from './console-page.filter';
import { ConsolePages } from './console-pages.service';
import { ConsoleWatchList } from './console-watch-list.service';
import { ConsoleSignIn, signedOutPage } from './console-sign-in.service';
import { FoundSession } from './console-sessions.service';
import { ConsoleGuard, CurrentSession } from './console.guard';
import { send } from './page-answer';
import { ASSETS } from './views/assets';

/** The console's pages, for a signed-in support person (docs/console.md). */
@Controller('console')
@UseGuards(ConsoleGuard)
@UseFilters(ConsolePageFilter)
export class ConsoleController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly watchList: ConsoleWatchList,
  ) {}

  @Get()
  async search(
    @CurrentSession() { session }: FoundSession,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await send(reply, await this.pages.search(session, query));
  }

  @Get('deliveries/:id')
  async delivery(
    @CurrentSession() { session }: FoundSession,
    @Param('id') id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await send(reply, await this.pages.delivery(session, id));
  }

  @Get('providers')
  async providers(
    @CurrentSession() { session }: FoundSession,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await send(reply, this.pages.providersHealth(session));
  }

  @Get('countries')
  async countries(
    @CurrentSession() { session }: FoundSession,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await send(reply, await this.pages.countryFigures(session));
  }

  @Get('watchlist')
  async watched(
    @CurrentSession() { session }: FoundSession,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await send(reply, await this.watchList.page(session));
  }
}

/** Route of the console's sign-out, a form its pages post (route policies take forms there). */
export const CONSOLE_LOGOUT_ROUTE = '/console/logout';

/** Sign-in with Okta, its callback, sign-out; no session needed to reach them (but logout). */
@Controller('console')
@UseFilters(ConsolePageFilter)
export class ConsoleAuthController {
  constructor(private readonly signIn: ConsoleSignIn) {}

  @Get('login')
  async login(@Query('next') next: unknown, @Res() reply: FastifyReply): Promise<void> {
    await send(reply, await this.signIn.begin(next));
  }

  @Get('auth/callback')
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    await send(reply, await this.signIn.complete(request));
  }

  @Post('logout')
  @UseGuards(ConsoleGuard)
  async logout(
    @Req() request: FastifyRequest,
    @CurrentSession() found: FoundSession,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await send(reply, await this.signIn.end(request, found));
  }

  @Get('signed-out')
  async signedOut(@Res() reply: FastifyReply): Promise<void> {
    await send(reply, signedOutPage());
  }
}

/** The console's style sheet and script, by their hashed names: cached for a year. */
@Controller('console/assets')
export class ConsoleAssetsController {
  @Get(':name')
  @Header('cache-control', 'public, max-age=31536000, immutable')
  async asset(@Param('name') name: string, @Res() reply: FastifyReply): Promise<void> {
    const asset = ASSETS.get(name);
    if (!asset) throw new ApiError(ApiErrorCode.NotFound);
    await reply.header('content-type', asset.type).send(asset.body);
  }
}
