import { Module } from '@nestjs/common';
import { ImportsModule } from '../imports/imports.module.js';
import { UsersModule } from '../users/users.module.js';
import { DemoContentService } from './demo-content.service.js';

@Module({ imports: [ImportsModule, UsersModule], providers: [DemoContentService] })
export class DemoModule {}
