import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { WebSocketServer } from 'ws';
import { AppConfig } from '../config/app-config.js';

/**
 * A WebSocket message is read whole and parsed before graphql-ws sees it, and `ws` takes up to 100 MiB by default:
 * the subscriptions' socket server gets QUERY_BODY_LIMIT, as HTTP bodies do (a larger message closes the socket
 * with 1009). Nest creates that server without a way to pass the option, so it is set on it once it exists.
 */
@Injectable()
export class SocketLimits implements OnApplicationBootstrap {
  constructor(
    private readonly modules: ModuleRef,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const graphql = this.modules.get(GraphQLModule, { strict: false });
    const driver = graphql.graphQlAdapter as unknown as { _subscriptionService?: { wss?: WebSocketServer } };
    const wss = driver._subscriptionService?.wss;
    if (!wss) throw new Error('the subscriptions socket server is not where SocketLimits looks for it');
    wss.options.maxPayload = this.config.QUERY_BODY_LIMIT;
  }
}
