import { Args, Context, ID, Int, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectEntityManager } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { isSignedIn } from '../auth/viewer.js';
import { DEFAULT_PAGE_SIZE } from '../common/graphql/pagination.js';
import { displayName } from './speaker-view.js';
import type { SpeakerView } from './speaker-view.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { SpeakerEditorService } from './speaker-editor.service.js';
import { SpeakerConnection } from './speaker-connection.model.js';
import { SpeakerProfileProposal } from './speaker-profile-proposal.model.js';
import { proposalsOf } from './speaker-profile-rows.js';
import { SpeakerRevision } from './speaker-revision.model.js';
import { Speaker } from './speaker.model.js';
import { SpeakersService } from './speakers.service.js';

@Resolver(() => Speaker)
export class SpeakersResolver {
  /** Speaker.pendingProfile, in one batch per request. */
  private readonly proposals = new WeakMap<
    GraphQLContext['loaders'],
    DataLoader<string, SpeakerProfileProposal | null>
  >();

  constructor(
    private readonly service: SpeakersService,
    private readonly editor: SpeakerEditorService,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  @Query(() => SpeakerConnection)
  speakers(
    @Context() ctx: GraphQLContext,
    @Args('search', { type: () => String, nullable: true }) search?: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: DEFAULT_PAGE_SIZE }) first = DEFAULT_PAGE_SIZE,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return this.service.list(ctx.viewer, search, first, after);
  }

  @Query(() => Speaker, { nullable: true })
  speaker(
    @Context() ctx: GraphQLContext,
    @Args('slug', { type: () => String, nullable: true }) slug?: string,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
  ) {
    return this.service.findOne(ctx.viewer, { slug, id });
  }

  @ResolveField(() => String, { description: 'Honorific and name, e.g. "Dr Colin Wilson".' })
  displayName(speaker: SpeakerView) {
    return displayName(speaker);
  }

  @ResolveField(() => Int, { description: 'Increases with every saved change; pass it back as expectedVersion.' })
  version(speaker: SpeakerView, _args: unknown, ctx: GraphQLContext) {
    return speaker.version ?? ctx.loaders.versions.load({ table: 'speakers', id: speaker.id });
  }

  @ResolveField(() => [SpeakerRevision], {
    nullable: true,
    description: 'Editors only (UNAUTHENTICATED otherwise): every saved change, newest first.',
  })
  revisions(speaker: SpeakerView, _args: unknown, ctx: GraphQLContext) {
    return this.editor.revisions(ctx.viewer, speaker.id);
  }

  @ResolveField(() => SpeakerProfileProposal, {
    nullable: true,
    description:
      'The correction the speaker proposed through their invitation, pending approval; null when there is none, ' +
      'and to anyone not signed in.',
  })
  pendingProfile(speaker: SpeakerView, _args: unknown, ctx: GraphQLContext) {
    if (!isSignedIn(ctx.viewer)) return null;
    let loader = this.proposals.get(ctx.loaders);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const found = await proposalsOf(this.manager, ids);
        return ids.map((id) => found.get(id) ?? null);
      });
      this.proposals.set(ctx.loaders, loader);
    }
    return loader.load(speaker.id);
  }
}
