import { Module } from '@nestjs/common';
import { EdgeModule } from '../edge/edge.module.js';
import { ResponseCache } from './response-cache.service.js';

/** The public response cache and the cache headers of /graphql (docs/caching.md); its Apollo plugin is in graphql-options.ts. */
@Module({ imports: [EdgeModule], providers: [ResponseCache], exports: [ResponseCache] })
export class ResponseCacheModule {}
