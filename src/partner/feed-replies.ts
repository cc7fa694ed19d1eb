import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { publicCacheControl, publicHeaders, sendPublic, strongETag } from '../common/http/conditional.js';
import { AppConfig } from '../config/app-config.js';
import type { EventView } from '../events/domain/event-view.js';
import { eventKey, eventSlugKey } from '../response-cache/answer-scope.js';

/** A partner format of one published event, ready to send. */
export interface Feed {
  event: EventView;
  body: string;
}

/**
 * How every partner feed is sent: public for RESPONSE_CACHE_MAX_AGE_S (stale-while-revalidate after), a strong
 * ETag of its bytes, Last-Modified the event's last publication, 304 on If-None-Match or If-Modified-Since
 * (common/http/conditional.ts, as for GraphQL), and the event's surrogate keys for a CDN to purge it by.
 */
@Injectable()
export class FeedReplies {
  private readonly cacheControl: string;

  constructor(config: AppConfig) {
    this.cacheControl = publicCacheControl(config.RESPONSE_CACHE_MAX_AGE_S, config.RESPONSE_CACHE_SWR_S);
  }

  send(request: FastifyRequest, reply: FastifyReply, contentType: string, { event, body }: Feed): FastifyReply {
    const lastModified = new Date(event.publishedAt ?? event.updatedAt);
    const headers = publicHeaders({
      contentType,
      cacheControl: this.cacheControl,
      etag: strongETag(body),
      surrogateKeys: [eventKey(event.id), eventSlugKey(event.slug)],
      lastModified,
    });
    return sendPublic(request, reply, body, headers, lastModified);
  }
}
