import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthService } from '../auth/auth.service.js';
import { EventViewsRepository } from '../events/event-views.repository.js';
import { EventsService } from '../events/events.service.js';
import { SpeakersService } from '../speakers/speakers.service.js';
import type { GraphQLContext } from './graphql-context.js';
import { createLoaders } from './loaders.js';

/** Builds each request's context: the viewer from its bearer token, and fresh DataLoaders. */
@Injectable()
export class GraphQLContextFactory {
  constructor(
    private readonly auth: AuthService,
    private readonly views: EventViewsRepository,
    private readonly events: EventsService,
    private readonly speakers: SpeakersService,
  ) {}

  async create(req: FastifyRequest): Promise<GraphQLContext> {
    const viewer = await this.auth.viewerFromHeader(req.headers.authorization);
    return {
      req,
      viewer,
      loaders: createLoaders(viewer, { views: this.views, events: this.events, speakers: this.speakers }),
    };
  }
}
