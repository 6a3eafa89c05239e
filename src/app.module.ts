import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, MercuriusDriverConfig } from '@nestjs/mercurius';
import { FastifyRequest } from 'fastify';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { AuthModule } from './auth/auth.module';
import { AuthService } from './auth/auth.service';
import { CalendarModule } from './calendar/calendar.module';
import { formatGraphqlErrors } from './common/graphql-errors';
import { MAX_QUERY_TOKENS, refuseCostlyQueries, refuseDeepQueries, refuseNulCharacters, refuseUnparsedDocuments } from './common/query-limits';
import { RequestContext } from './common/request-context';
import { UserErrorFilter } from './common/user-error.filter';
import { ConferencesModule } from './conferences/conferences.module';
import { appConfig, AppConfig } from './config/configuration';
import { LecternConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DemoModule } from './demo/demo.module';
import { OrganisersModule } from './organisers/organisers.module';
import { InterviewsModule } from './interviews/interviews.module';
import { SessionsModule } from './sessions/sessions.module';
import { SpeakersModule } from './speakers/speakers.module';

export const GRAPHQL_PATH = '/graphql';

@Module({
  imports: [
    LecternConfigModule,
    DatabaseModule,
    AuthModule,
    GraphQLModule.forRootAsync<MercuriusDriverConfig>({
      driver: MercuriusDriver,
      inject: [appConfig.KEY, AuthService],
      useFactory: (config: AppConfig, auth: AuthService) => ({
        path: GRAPHQL_PATH,
        autoSchemaFile: true,
        sortSchema: true,
        graphiql: config.graphiql,
        jit: 1,
        errorFormatter: formatGraphqlErrors,
        graphql: { parseOptions: { maxTokens: MAX_QUERY_TOKENS } },
        hooks: {
          preValidation: [refuseUnparsedDocuments, refuseDeepQueries(config.graphqlMaxDepth)],
          preExecution: [refuseNulCharacters, refuseCostlyQueries(config.graphqlMaxCost)],
        },
        validationRules: config.introspection ? [] : [NoSchemaIntrospectionCustomRule],
        context: async (request: FastifyRequest): Promise<RequestContext> => ({
          viewer: await auth.viewerFor(request.headers.authorization),
          loaders: new Map(),
        }),
      }),
    }),
    ConferencesModule,
    SpeakersModule,
    SessionsModule,
    InterviewsModule,
    CalendarModule,
    DemoModule,
    OrganisersModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: UserErrorFilter }],
})
export class AppModule {}
