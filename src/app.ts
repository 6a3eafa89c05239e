import 'reflect-metadata';
import { Logger, LoggerService, LogLevel as NestLogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule, GRAPHQL_PATH } from './app.module';
import { AuthService } from './auth/auth.service';
import { FeedRevalidation } from './calendar/feed-revalidation';
import { AppConfig, LogLevel } from './config/configuration';
import { assembleHttpPipeline } from './http/pipeline';
import { requestId } from './http/request-log';
import { RedisConnections } from './live/redis-connections';
import { jsonLog, JsonNestLogger } from './logging/json-logger';

/** Builds the HTTP application with this configuration (used by the server, the tests and the benchmark). */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const json = config.logFormat === 'json' ? jsonLog(config.logLevel) : undefined;
  const adapter = new FastifyAdapter({
    bodyLimit: config.maxBodyBytes,
    trustProxy: config.trustProxy,
    genReqId: requestId,
    // Fastify's own problems (a failing plugin, a broken connection); requests get one line each
    // from logRequests, so Fastify's two lines a request (at info) are left out.
    ...(json ? { loggerInstance: json.child({}, { level: quieter(config.logLevel, 'warn') }) } : {}),
  });
  const logger: LoggerService | NestLogLevel[] = json ? new JsonNestLogger(json) : nestLogLevels(config.logLevel);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.with(config), adapter, { logger });
  // The routes (Nest's and Mercurius's) are added by init(), after the pipeline that guards them.
  await assembleHttpPipeline(adapter.getInstance(), config, {
    graphqlPath: GRAPHQL_PATH,
    auth: app.get(AuthService),
    feedRevalidation: app.get(FeedRevalidation),
    redis: app.get(RedisConnections),
    log: json ?? new Logger('HTTP'),
  });
  await app.init();
  return app;
}

function quieter(a: LogLevel, b: LogLevel): LogLevel {
  const order: LogLevel[] = ['error', 'warn', 'info', 'debug'];
  return order[Math.min(order.indexOf(a), order.indexOf(b))];
}

export function nestLogLevels(level: LogLevel): NestLogLevel[] {
  const order: NestLogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  const upTo = { error: 'error', warn: 'warn', info: 'log', debug: 'verbose' }[level] as NestLogLevel;
  return order.slice(0, order.indexOf(upTo) + 1);
}
