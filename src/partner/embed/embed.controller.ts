import { Controller, Get, Header, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PRIVATE_NO_STORE } from '../../common/http/conditional.js';
import { FeedReplies } from '../feed-replies.js';
import { EMBED_PAGE_CSP } from './embed-page.js';
import { EmbedService } from './embed.service.js';

/**
 * Both are meant for other sites: the page may be framed by any site (no X-Frame-Options, no frame-ancestors)
 * and CORS (bootstrap.ts) lets any origin read them without credentials.
 */
@Controller()
export class EmbedController {
  constructor(
    private readonly embeds: EmbedService,
    private readonly replies: FeedReplies,
  ) {}

  /**
   * GET /embed/events/{slug}: the agenda as a self-contained HTML page for an iframe. With `?preview=<secret>`, the
   * working copy that preview link opens: private to its holder (no-store, no ETag), not indexed, and its URL (which
   * holds the secret) never sent on as a Referer.
   */
  @Get('embed/events/:slug')
  @Header('Content-Security-Policy', EMBED_PAGE_CSP)
  @Header('X-Content-Type-Options', 'nosniff')
  async page(
    @Param('slug') slug: string,
    @Query('preview') preview: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    if (preview === undefined) {
      return this.replies.send(request, reply, 'text/html; charset=utf-8', await this.embeds.page(slug));
    }
    const { body } = await this.embeds.page(slug, typeof preview === 'string' ? preview : '');
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', PRIVATE_NO_STORE)
      .header('x-robots-tag', 'noindex, nofollow')
      .header('referrer-policy', 'no-referrer')
      .send(body);
  }

  /** GET /embed.js: defines <agenda-embed event="SLUG">. */
  @Get('embed.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Cache-Control', 'public, max-age=300')
  script(): string {
    return this.embeds.embedJs();
  }
}
