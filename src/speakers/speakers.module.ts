import { Module } from '@nestjs/common';
import { SpeakerEditorService } from './speaker-editor.service.js';
import { SpeakerMutationsResolver } from './speaker-mutations.resolver.js';
import { SpeakersResolver } from './speakers.resolver.js';
import { SpeakersService } from './speakers.service.js';

/** Speakers as shared records: read, created and changed on their own; where they appear belongs to events/. */
@Module({
  providers: [SpeakersService, SpeakersResolver, SpeakerEditorService, SpeakerMutationsResolver],
  exports: [SpeakersService],
})
export class SpeakersModule {}
