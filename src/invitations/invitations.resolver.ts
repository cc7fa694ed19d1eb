import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SignedInGuard } from '../auth/signed-in.guard.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import {
  CreateSpeakerInvitationArgs,
  EventInvitationsArgs,
  InvitationIdArgs,
  ProposeSpeakerProfileArgs,
  RespondToInvitationArgs,
} from './dto/invitation.args.js';
import { InvitationsService } from './invitations.service.js';
import { SpeakerInvitation } from './speaker-invitation.model.js';
import { SpeakerProfileProposal } from '../speakers/speaker-profile-proposal.model.js';

@Resolver(() => SpeakerInvitation)
export class InvitationsResolver {
  constructor(private readonly invitations: InvitationsService) {}

  @UseGuards(SignedInGuard)
  @Mutation(() => SpeakerInvitation, {
    description:
      'Editors: a link for a speaker on the agenda item to accept or decline with (url, in this answer only); ' +
      'also sent as the webhook speaker.invited.',
  })
  createSpeakerInvitation(@Args() args: CreateSpeakerInvitationArgs, @Context() ctx: GraphQLContext) {
    return this.invitations.create(ctx.viewer, args);
  }

  @UseGuards(SignedInGuard)
  @Mutation(() => SpeakerInvitation, { description: 'Editors: the link stops working; the answer given stays.' })
  revokeSpeakerInvitation(@Args() { id }: InvitationIdArgs, @Context() ctx: GraphQLContext) {
    return this.invitations.revoke(ctx.viewer, id);
  }

  @Mutation(() => SpeakerInvitation, {
    description:
      "Anyone holding an invitation's secret: accept (the appearance becomes CONFIRMED) or decline (DECLINED), " +
      'again until the link expires or is revoked (then FORBIDDEN); an unknown secret is NOT_FOUND.',
  })
  respondToInvitation(@Args() { secret, accept }: RespondToInvitationArgs) {
    return this.invitations.respond(secret, accept);
  }

  @Mutation(() => SpeakerProfileProposal, {
    description:
      "Anyone holding an invitation's secret proposes a correction to that speaker's own profile: pending, it " +
      'changes nothing until an editor approves it (approveSpeakerProfile); a newer proposal replaces it. Refused ' +
      'as respondToInvitation is (FORBIDDEN once expired or revoked, NOT_FOUND for an unknown secret).',
  })
  proposeSpeakerProfile(@Args() { secret, input }: ProposeSpeakerProfileArgs) {
    return this.invitations.proposeProfile(secret, input);
  }

  @Query(() => [SpeakerInvitation], { description: "Editors: an event's speaker invitations, oldest first." })
  speakerInvitations(@Args() { eventId }: EventInvitationsArgs, @Context() ctx: GraphQLContext) {
    return this.invitations.ofEvent(ctx.viewer, eventId);
  }
}
