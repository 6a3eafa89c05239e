import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/app';
import { readConfiguration } from '../src/config/configuration';
import { lecternEnvironment } from './environment';

/**
 * Lectern inside the benchmark's own process, for the parts that must look inside it (writing
 * through its services, counting its SQL statements) and expose nothing extra over HTTP. Never
 * running while a load test is: it would share the event loop with the load generator.
 */
export async function withLectern<T>(sqlitePath: string, work: (app: NestFastifyApplication) => Promise<T>): Promise<T> {
  const app = await createApp(readConfiguration(lecternEnvironment(sqlitePath)));
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}
