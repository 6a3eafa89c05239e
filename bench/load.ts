import autocannon from 'autocannon';
import { ServerProcess } from './processes';

/** One kind of request, against one server. */
export interface LoadTarget {
  server: ServerProcess;
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** The status every answer must have; any other counts as an error. */
  expectStatus: number;
}

export interface LoadSettings {
  connections: number;
  /** Seconds measured. */
  duration: number;
  /** Seconds of the same load first, not measured: JIT, caches and connection set-up. */
  warmup: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Socket errors, timeouts and answers with another status than expected. */
  errors: number;
  statusCodes: Record<string, number>;
  /** The server's own CPU time per answer: what it costs, whether or not the load generator kept up. */
  serverCpuMsPerRequest: number;
  /**
   * How busy the server was, in % of one core. Well under 100 means something else set the pace:
   * the load generator (on the same two cores), or waiting (SQLite's single connection).
   */
  serverBusyPercent: number;
  bytesPerRequest: number;
}

/** Drives one server with autocannon: fixed connections, fixed duration, after a warm-up. */
export async function runLoad(target: LoadTarget, settings: LoadSettings): Promise<LoadResult> {
  const options = {
    url: `${target.server.url}${target.path}`,
    method: target.method ?? 'GET',
    headers: target.headers,
    body: target.body,
    connections: settings.connections,
    pipelining: 1,
    timeout: 10,
  };
  if (settings.warmup > 0) await autocannon({ ...options, duration: settings.warmup });
  const cpuBefore = target.server.cpuSeconds();
  const result = await autocannon({ ...options, duration: settings.duration });
  const cpu = target.server.cpuSeconds() - cpuBefore;

  const statusCodes: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats as Record<string, { count: number }>)) statusCodes[code] = count;
  const answered = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  const unexpected = answered - (statusCodes[String(target.expectStatus)] ?? 0);
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: answered,
    errors: result.errors + result.timeouts + unexpected,
    statusCodes,
    serverCpuMsPerRequest: answered > 0 ? (cpu * 1000) / answered : NaN,
    serverBusyPercent: (100 * cpu) / (result.duration || settings.duration),
    bytesPerRequest: answered > 0 ? result.throughput.total / answered : NaN,
  };
}
