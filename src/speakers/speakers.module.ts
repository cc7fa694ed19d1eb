import { Module } from '@nestjs/common';
import { SpeakersResolver } from './speakers.resolver.js';
import { SpeakersService } from './speakers.service.js';

@Module({ providers: [SpeakersService, SpeakersResolver], exports: [SpeakersService] })
export class SpeakersModule {}
