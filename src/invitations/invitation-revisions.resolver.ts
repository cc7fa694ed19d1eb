import { ResolveField, Resolver } from '@nestjs/graphql';
import { InjectEntityManager } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { EventRevision } from '../events/graphql/event-revision.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { invitationsAuthoring } from './invitation-rows.js';
import { invitationStatus } from './invitation-status.js';
import { SpeakerInvitation } from './speaker-invitation.model.js';

type RevisionKey = { eventId: string; revision: number };

/** EventRevision.authorInvitation: the invitation whose answer made a revision, in one batch per request. */
@Resolver(() => EventRevision)
export class InvitationRevisionsResolver {
  private readonly loaders = new WeakMap<
    GraphQLContext['loaders'],
    DataLoader<RevisionKey, SpeakerInvitation | null, string>
  >();

  constructor(@InjectEntityManager() private readonly manager: EntityManager) {}

  @ResolveField(() => SpeakerInvitation, {
    nullable: true,
    description: "The speaker's invitation, when the speaker made this revision by answering it (author is null).",
  })
  authorInvitation(revision: EventRevision & { eventId: string }, _args: unknown, ctx: GraphQLContext) {
    return this.loaderOf(ctx).load({ eventId: revision.eventId, revision: revision.revision });
  }

  private loaderOf(ctx: GraphQLContext): DataLoader<RevisionKey, SpeakerInvitation | null, string> {
    let loader = this.loaders.get(ctx.loaders);
    if (!loader) {
      loader = new DataLoader(
        async (keys) => {
          const found = await invitationsAuthoring(this.manager, keys);
          const now = new Date();
          return keys.map((k) => {
            const row = found.get(`${k.eventId}:${k.revision}`);
            return row ? { ...row, url: null, status: invitationStatus(row, now) } : null;
          });
        },
        { cacheKeyFn: (k) => `${k.eventId}:${k.revision}` },
      );
      this.loaders.set(ctx.loaders, loader);
    }
    return loader;
  }
}
