import { Module } from '@nestjs/common';
import { AgendaItemResolver } from './agenda-item.resolver.js';

@Module({ providers: [AgendaItemResolver] })
export class AgendaModule {}
