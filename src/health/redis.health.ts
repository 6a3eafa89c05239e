import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { RedisConnections } from '../live/redis-connections';

@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly redis: RedisConnections,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async pingCheck(key: 'redis') {
    const check = this.indicator.check(key);
    if (!this.redis.client) return check.up({ message: 'not configured' });
    try {
      await this.redis.client.ping();
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }
}
