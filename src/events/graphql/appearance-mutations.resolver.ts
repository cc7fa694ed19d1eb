import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { SignedInGuard } from '../../auth/signed-in.guard.js';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import { AppearanceArgs, AssignSpeakerArgs, SetSpeakerStatusArgs } from './dto/appearance-mutation.args.js';
import { SessionSpeaker } from './session-speaker.model.js';
import { AppearanceEditorService } from '../editing/appearance-editor.service.js';

@UseGuards(SignedInGuard)
@Resolver()
export class AppearanceMutationsResolver {
  constructor(private readonly editor: AppearanceEditorService) {}

  @Mutation(() => SessionSpeaker)
  assignSpeaker(@Args() args: AssignSpeakerArgs, @Context() ctx: GraphQLContext) {
    return this.editor.assign(ctx.viewer, args);
  }

  @Mutation(() => SessionSpeaker)
  setSpeakerStatus(@Args() args: SetSpeakerStatusArgs, @Context() ctx: GraphQLContext) {
    return this.editor.setStatus(ctx.viewer, args);
  }

  @Mutation(() => Boolean)
  unassignSpeaker(@Args() args: AppearanceArgs, @Context() ctx: GraphQLContext) {
    return this.editor.unassign(ctx.viewer, args);
  }
}
