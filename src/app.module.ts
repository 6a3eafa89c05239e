import { ConsoleModule } from './console/console.module';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import { FastifyReply, FastifyRequest } from 'fastify';
import { AuthModule } from './auth/auth.module';
import { AuthService } from './auth/auth.service';
import { RequestContext } from './auth/request-context';
import { CalendarModule } from './calendar/calendar.module';
import { formatGraphqlErrors } from './common/graphql-errors';
import { persistedQueryProvider } from './http/persisted-queries';
import { mercuriusQueryOptions, queryRules } from './common/query-rules';
import { acceptedLocales } from './common/localisation';
import { UserErrorFilter } from './common/user-error.filter';
import { ConferencesModule } from './conferences/conferences.module';
import { ConflictsModule } from './conflicts/conflicts.module';
import { NodesModule } from './nodes/nodes.module';
import { ReleasesModule } from './releases/releases.module';
import { APP_CONFIG, AppConfig } from './config/configuration';
import { LecternConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { DevelopersController } from './developers/developers.controller';
import { GraphiqlModule } from './graphiql/graphiql.module';
import { OrganisersModule } from './organisers/organisers.module';
import { InterviewsModule } from './interviews/interviews.module';
import { SessionsModule } from './sessions/sessions.module';
import { SpeakersModule } from './speakers/speakers.module';
import { WebsiteModule } from './website/website.module';
import { ExchangeModule } from './exchange/exchange.module';
import { SiteExportModule } from './site/site-export.module';
import { SiteModule } from './site/site.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { MailModule } from './mail/mail.module';
import { SpeakerPortalModule } from './speaker-portal/speaker-portal.module';
import { HealthModule } from './health/health.module';
import { LiveModule } from './live/live.module';
import { RedisConnections } from './live/redis-connections';
import { RedisModule } from './live/redis.module';
import { subscriptionOptions } from './live/subscription-options';
import { OrganiserSessionsModule } from './organisers/sessions/organiser-sessions.module';
import { OrganiserSessions } from './organisers/sessions/organiser-sessions.service';
import { describeRootTypes } from './common/root-descriptions';

export const GRAPHQL_PATH = '/graphql';

@Module({
  imports: [
    DatabaseModule,
    RedisModule,
    AuthModule,
    GraphQLModule.forRootAsync<MercuriusDriverConfig>({
      driver: MercuriusDriver,
      imports: [OrganiserSessionsModule],
      inject: [APP_CONFIG, AuthService, RedisConnections, OrganiserSessions],
      useFactory: (config: AppConfig, auth: AuthService, redis: RedisConnections, consoleSessions: OrganiserSessions) => ({
        path: GRAPHQL_PATH,
        autoSchemaFile: true,
        sortSchema: true,
        // Query, Mutation and Subscription have no class to carry a description.
        transformSchema: describeRootTypes,
        // GraphiQL is Lectern's own page (src/graphiql/), not Mercurius's, which loads it from a CDN.
        graphiql: false,
        jit: 1,
        subscription: subscriptionOptions(redis, auth, consoleSessions),
        // Automatic persisted queries: a client may send the query's SHA-256 instead of its text
        // (GET-cacheable), known to every instance when they share Redis.
        persistedQueryProvider: persistedQueryProvider(redis),
        errorFormatter: formatGraphqlErrors,
        // Parse options, validation rules and hooks: the same rules check subscriptions over
        // WebSocket (src/http/graphql-over-websocket.ts), which Mercurius does not check.
        ...mercuriusQueryOptions(queryRules(config)),
        // The viewer was decided once for the request by the HTTP pipeline (src/http/viewer.ts).
        context: (request: FastifyRequest, reply: FastifyReply): RequestContext => ({
          viewer: request.viewer,
          loaders: new Map(),
          acceptedLocales: acceptedLocales(request.headers['accept-language']),
          http: { request, reply },
        }),
      }),
    }),
    ConferencesModule,
    SpeakersModule,
    SessionsModule,
    InterviewsModule,
    ConflictsModule,
    ReleasesModule,
    NodesModule,
    CalendarModule,
    WebsiteModule,
    ExchangeModule,
    SiteModule,
    SiteExportModule,
    DemoModule,
    OrganisersModule,
    WebhooksModule,
    MailModule,
    SpeakerPortalModule,
    LiveModule,
    HealthModule,
    ConsoleModule,
  ],
  // Beside GraphQLModule, for the schema it serves as SDL (GraphQLModule does not export GraphQLSchemaHost globally).
  controllers: [DevelopersController],
  providers: [{ provide: APP_FILTER, useClass: UserErrorFilter }],
})
export class AppModule {
  static with(config: AppConfig): DynamicModule {
    return { module: AppModule, imports: [LecternConfigModule.with(config), ...(config.graphiql ? [GraphiqlModule] : [])] };
  }
}
