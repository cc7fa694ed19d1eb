import { Module } from '@nestjs/common';
import { OrganisationsResolver } from './organisations.resolver.js';
import { OrganisationsService } from './organisations.service.js';

@Module({ providers: [OrganisationsService, OrganisationsResolver] })
export class OrganisationsModule {}
