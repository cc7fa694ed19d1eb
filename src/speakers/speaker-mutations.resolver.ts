import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { SignedInGuard } from '../auth/signed-in.guard.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import {
  ApproveSpeakerProfileArgs,
  RejectSpeakerProfileArgs,
  RestoreSpeakerRevisionArgs,
  UpdateSpeakerArgs,
} from './dto/speaker-mutation.args.js';
import { SpeakerInput } from './dto/speaker.input.js';
import { SpeakerEditorService } from './speaker-editor.service.js';
import { Speaker } from './speaker.model.js';

@UseGuards(SignedInGuard)
@Resolver()
export class SpeakerMutationsResolver {
  constructor(private readonly editor: SpeakerEditorService) {}

  @Mutation(() => Speaker)
  createSpeaker(@Args('input') input: SpeakerInput, @Context() ctx: GraphQLContext) {
    return this.editor.create(ctx.viewer, input);
  }

  @Mutation(() => Speaker)
  updateSpeaker(@Args() { id, input, expectedVersion }: UpdateSpeakerArgs, @Context() ctx: GraphQLContext) {
    return this.editor.update(ctx.viewer, id, input, expectedVersion);
  }

  @Mutation(() => Speaker, {
    description: "Makes an earlier revision's fields the speaker's again, as a new revision.",
  })
  restoreSpeakerRevision(
    @Args() { speakerId, revision, expectedVersion }: RestoreSpeakerRevisionArgs,
    @Context() ctx: GraphQLContext,
  ) {
    return this.editor.restore(ctx.viewer, speakerId, revision, expectedVersion);
  }

  @Mutation(() => Speaker, {
    description:
      "Applies the speaker's pending profile proposal as an update of the speaker (a revision, the published " +
      'events showing the speaker refreshed) and clears it; NOT_FOUND when none is pending.',
  })
  approveSpeakerProfile(
    @Args() { speakerId, expectedVersion }: ApproveSpeakerProfileArgs,
    @Context() ctx: GraphQLContext,
  ) {
    return this.editor.approveProfile(ctx.viewer, speakerId, expectedVersion);
  }

  @Mutation(() => Speaker, {
    description: "Drops the speaker's pending profile proposal, changing nothing; NOT_FOUND when none is pending.",
  })
  rejectSpeakerProfile(@Args() { speakerId }: RejectSpeakerProfileArgs, @Context() ctx: GraphQLContext) {
    return this.editor.rejectProfile(ctx.viewer, speakerId);
  }
}
