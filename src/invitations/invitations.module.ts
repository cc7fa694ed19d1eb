import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { InvitationPageController } from './invitation-page.controller.js';
import { InvitationRevisionsResolver } from './invitation-revisions.resolver.js';
import { InvitationsResolver } from './invitations.resolver.js';
import { InvitationsService } from './invitations.service.js';

/**
 * Speakers answer for themselves: invitations (a link per appearance), the speaker's page and mutation, and
 * EventRevision.authorInvitation. Their answers are event changes, written through the aggregate's editors.
 */
@Module({
  imports: [EventsModule],
  controllers: [InvitationPageController],
  providers: [InvitationsService, InvitationsResolver, InvitationRevisionsResolver],
})
export class InvitationsModule {}
