import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import { Speaker } from '../../speakers/speaker.model.js';
import type { SpeakerView } from '../../speakers/speaker-view.js';
import { AppearancesService } from '../reading/appearances.service.js';
import { SessionSpeaker } from './session-speaker.model.js';

/** Speaker.appearances: where a shared speaker appears belongs to the events, not to the speaker record. */
@Resolver(() => Speaker)
export class SpeakerAppearancesResolver {
  constructor(private readonly service: AppearancesService) {}

  @ResolveField(() => [SessionSpeaker], { description: 'Appearances visible to the caller, newest event first.' })
  appearances(speaker: SpeakerView, _args: unknown, ctx: GraphQLContext) {
    ctx.answer?.lists();
    return this.service.appearances(speaker, ctx.loaders);
  }
}
