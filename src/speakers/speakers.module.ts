import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/agenda.module.js';
import { EventsModule } from '../events/events.module.js';
import { SpeakerEditorService } from './speaker-editor.service.js';
import { SpeakerMutationsResolver } from './speaker-mutations.resolver.js';
import { SpeakersResolver } from './speakers.resolver.js';
import { SpeakersService } from './speakers.service.js';

@Module({
  imports: [EventsModule, AgendaModule],
  providers: [SpeakersService, SpeakersResolver, SpeakerEditorService, SpeakerMutationsResolver],
  exports: [SpeakersService],
})
export class SpeakersModule {}
