import { UseGuards } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { SignedInGuard } from '../../auth/signed-in.guard.js';
import { EventModel } from '../../events/graphql/event.model.js';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import { ImportScheduleArgs } from './dto/import-schedule.args.js';
import { ScheduleImportService } from './schedule-import.service.js';

@UseGuards(SignedInGuard)
@Resolver()
export class ScheduleImportResolver {
  constructor(private readonly imports: ScheduleImportService) {}

  @Mutation(() => EventModel, {
    description:
      'Creates or replaces (by slug) an event from a frab/c3voc schedule.json (as exported by pretalx or frab).',
  })
  importSchedule(
    @Args() { schedule, slug, publish, expectedVersion }: ImportScheduleArgs,
    @Context() ctx: GraphQLContext,
  ) {
    return this.imports.importSchedule(ctx.viewer, schedule, slug, publish, expectedVersion ?? null);
  }
}
