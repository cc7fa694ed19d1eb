import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import {
  INVITATION_PAGE_CSP,
  renderClosedPage,
  renderInvitationPage,
  renderMissingPage,
  renderRefusedPage,
} from './invitation-page.js';
import { type InvitationPageState, InvitationsService } from './invitations.service.js';

/** Every invitation page: private to whoever holds the link, never stored, never indexed, never framed. */
function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'private, no-store')
    .header('x-robots-tag', 'noindex, nofollow')
    .header('content-security-policy', INVITATION_PAGE_CSP)
    .header('referrer-policy', 'same-origin')
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .send(html);
}

/**
 * GET and POST /invitations/<secret>: the speaker's page, which works without script. A GET only shows (mail
 * scanners follow every link); the form POSTs the answer to the same URL, then the page is shown again (303).
 * The secret is the credential; a POST another site made the browser send (Sec-Fetch-Site, Origin) is refused.
 * Both pay the anonymous rate limit's RATE_LIMIT_FEED_POINTS (edge-hooks.ts).
 */
@Controller('invitations')
export class InvitationPageController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly config: AppConfig,
  ) {}

  @Get(':secret')
  async show(@Param('secret') secret: string, @Res() reply: FastifyReply) {
    let state: InvitationPageState;
    try {
      state = await this.invitations.page(secret);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'NOT_FOUND') return sendPage(reply, 404, renderMissingPage());
      throw error;
    }
    if (!state.open) return sendPage(reply, 410, renderClosedPage(state));
    return sendPage(reply, 200, renderInvitationPage(state));
  }

  @Post(':secret')
  async answer(
    @Param('secret') secret: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    if (!this.sameOrigin(request)) {
      return sendPage(reply, 403, renderRefusedPage('Answers are taken from the invitation page itself only.'));
    }
    const accept = (body as Record<string, unknown> | null)?.accept;
    if (accept !== 'true' && accept !== 'false') {
      return sendPage(reply, 400, renderRefusedPage('Choose Accept or Decline on the invitation page.'));
    }
    try {
      await this.invitations.respond(secret, accept === 'true');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'NOT_FOUND') return sendPage(reply, 404, renderMissingPage());
      if (error.code !== 'FORBIDDEN') throw error;
      return sendPage(reply, 410, renderClosedPage(await this.invitations.page(secret).catch(() => undefined)));
    }
    return reply
      .code(303)
      .header('location', `/invitations/${encodeURIComponent(secret)}`)
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex, nofollow')
      .send();
  }

  /**
   * Whether the browser says the form came from this site: Sec-Fetch-Site when it sends one, else Origin when it
   * sends one (this service's PUBLIC_URL, or the host it was asked at); a client that sends neither (curl, an
   * organiser's server) holds the secret, which is the credential.
   */
  private sameOrigin(request: FastifyRequest): boolean {
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined) return site === 'same-origin' || site === 'none';
    const origin = request.headers.origin;
    if (origin === undefined) return true;
    return origin === this.config.publicUrl.origin || origin === `${request.protocol}://${request.host}`;
  }
}
