import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { SignedInGuard } from '../../auth/signed-in.guard.js';
import { EventModel } from '../../events/graphql/event.model.js';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import { ImportEventArgs } from './dto/import-event.args.js';
import { EventDocumentImportService } from './event-document-import.service.js';

@UseGuards(SignedInGuard)
@Resolver()
export class EventDocumentImportResolver {
  constructor(private readonly importer: EventDocumentImportService) {}

  @Mutation(() => EventModel, {
    description: 'Creates or replaces (by slug) a whole event from an event document; all or nothing.',
  })
  importEvent(@Args() { document, publish, expectedVersion }: ImportEventArgs, @Context() ctx: GraphQLContext) {
    return this.importer.importEvent(ctx.viewer, document, publish, expectedVersion ?? null);
  }
}
