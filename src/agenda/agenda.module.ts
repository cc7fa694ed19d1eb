import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { AgendaEditorService } from './agenda-editor.service.js';
import { AgendaItemResolver } from './agenda-item.resolver.js';
import { AgendaMutationsResolver } from './agenda-mutations.resolver.js';

@Module({
  imports: [EventsModule],
  providers: [AgendaItemResolver, AgendaEditorService, AgendaMutationsResolver],
  exports: [AgendaEditorService],
})
export class AgendaModule {}
