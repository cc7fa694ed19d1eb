import { Module } from '@nestjs/common';
import { SectorsResolver } from './sectors.resolver.js';
import { SectorsService } from './sectors.service.js';

@Module({ providers: [SectorsService, SectorsResolver], exports: [SectorsService] })
export class SectorsModule {}
