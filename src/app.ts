import 'reflect-metadata';
import { LogLevel as NestLogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule, GRAPHQL_PATH } from './app.module';
import { AuthService } from './auth/auth.service';
import { followGraphqlOverHttp } from './common/graphql-over-http';
import { protectHttp } from './common/security';
import { LogLevel, readConfiguration } from './config/configuration';

/** Builds the HTTP application (used by the server, the tests and the benchmark). */
export async function createApp(): Promise<NestFastifyApplication> {
  const config = readConfiguration();
  const adapter = new FastifyAdapter({ bodyLimit: config.maxBodyBytes, trustProxy: config.trustProxy });
  followGraphqlOverHttp(adapter.getInstance(), GRAPHQL_PATH);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    logger: nestLogLevels(config.logLevel),
  });
  // The routes (Nest's and Mercurius's) are added by init(), after the plugins that guard them.
  const auth = app.get(AuthService);
  await protectHttp(adapter.getInstance(), config, {
    graphqlPath: GRAPHQL_PATH,
    isOrganiser: async (authorization) => (await auth.viewerFor(authorization)).organiser,
  });
  app.enableShutdownHooks();
  await app.init();
  return app;
}

export function nestLogLevels(level: LogLevel): NestLogLevel[] {
  const order: NestLogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  const upTo = { error: 'error', warn: 'warn', info: 'log', debug: 'verbose' }[level] as NestLogLevel;
  return order.slice(0, order.indexOf(upTo) + 1);
}
