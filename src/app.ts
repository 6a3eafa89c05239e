import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule, GRAPHQL_PATH } from './app.module';
import { AuthService } from './auth/auth.service';
import { FeedRevalidation } from './calendar/feed-revalidation';
import { AppConfig, LogLevel } from './config/configuration';
import { assembleHttpPipeline } from './http/pipeline';
import { requestId } from './http/request-log';
import { RedisConnections } from './live/redis-connections';
import { effectiveLogFormat, lecternLog, PinoNestLogger } from './logging/logger';
import { keepRequestContext } from './logging/request-context';
import { OrganiserSessions } from './organisers/sessions/organiser-sessions.service';
import { SpeakerSessions } from './speaker-portal/invitations/speaker-sessions.service';

/** Builds the HTTP application with this configuration (used by the server, the tests and the benchmark). */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const log = lecternLog(config.logLevel, effectiveLogFormat(config.logFormat));
  const adapter = new FastifyAdapter({
    bodyLimit: config.maxBodyBytes,
    trustProxy: config.trustProxy,
    genReqId: requestId,
    // Fastify's own problems (a failing plugin, a broken connection); requests get one line each
    // from logRequests, so Fastify's two lines a request (at info) are left out.
    loggerInstance: log.child({}, { level: quieter(config.logLevel, 'warn') }),
  });
  // Before the pipeline and the routes: what they log, Nest's own error lines included, carries the request's id.
  keepRequestContext(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.with(config), adapter, { logger: new PinoNestLogger(log) });
  // The routes (Nest's and Mercurius's) are added by init(), after the pipeline that guards them.
  await assembleHttpPipeline(adapter.getInstance(), config, {
    graphqlPath: GRAPHQL_PATH,
    auth: app.get(AuthService),
    speakerSessions: app.get(SpeakerSessions),
    organiserSessions: app.get(OrganiserSessions),
    feedRevalidation: app.get(FeedRevalidation),
    redis: app.get(RedisConnections),
    log,
  });
  await app.init();
  return app;
}

function quieter(a: LogLevel, b: LogLevel): LogLevel {
  const order: LogLevel[] = ['error', 'warn', 'info', 'debug'];
  return order[Math.min(order.indexOf(a), order.indexOf(b))];
}
