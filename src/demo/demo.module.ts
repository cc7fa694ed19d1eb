import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { UsersModule } from '../users/users.module.js';
import { DemoContentService } from './demo-content.service.js';

@Module({ imports: [EventsModule, UsersModule], providers: [DemoContentService] })
export class DemoModule {}
