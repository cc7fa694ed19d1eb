import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AuthModule } from './auth/auth.module.js';
import { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { DemoModule } from './demo/demo.module.js';
import { EdgeModule } from './edge/edge.module.js';
import { RateLimitSync } from './edge/rate-limit-sync.js';
import { EventsModule } from './events/events.module.js';
import { GraphQLContextFactory } from './graphql/graphql-context.factory.js';
import { GraphQLContextModule } from './graphql/graphql-context.module.js';
import { graphqlOptions } from './graphql/graphql-options.js';
import { HealthModule } from './health/health.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { InvitationsModule } from './invitations/invitations.module.js';
import { PreviewsModule } from './previews/previews.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { PartnerModule } from './partner/partner.module.js';
import { PlaygroundModule } from './playground/playground.module.js';
import { ResponseCacheModule } from './response-cache/response-cache.module.js';
import { ResponseCache } from './response-cache/response-cache.service.js';
import { SectorsModule } from './sectors/sectors.module.js';
import { SpeakersModule } from './speakers/speakers.module.js';
import { SubscriptionsModule } from './subscriptions/subscriptions.module.js';
import { UsersModule } from './users/users.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [GraphQLContextModule, EdgeModule, ResponseCacheModule],
          inject: [AppConfig, GraphQLContextFactory, RateLimitSync, ResponseCache],
          useFactory: graphqlOptions,
        }),
        HealthModule,
        PlaygroundModule,
        AuthModule,
        UsersModule,
        EventsModule,
        SpeakersModule,
        SubscriptionsModule,
        SectorsModule,
        OrganisationsModule,
        DemoModule,
        PartnerModule,
        ImportsModule,
        WebhooksModule,
        InvitationsModule,
        PreviewsModule,
      ],
    };
  }
}
