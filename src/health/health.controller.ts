import { Controller, Get, Header } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { RedisConnections } from '../live/redis-connections';
import { RedisHealthIndicator } from './redis.health';

/**
 * For load balancers and orchestrators: 200 while this instance can reach its database (and Redis,
 * when REDIS_URL is set), 503 otherwise, so traffic goes to instances that can answer.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redisIndicator: RedisHealthIndicator,
    private readonly redis: RedisConnections,
  ) {}

  @Get()
  @Header('cache-control', 'no-store')
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
      ...(this.redis.client ? [() => this.redisIndicator.pingCheck('redis')] : []),
    ]);
  }
}
