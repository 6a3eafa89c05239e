import { createServer, IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Answer = number | 'hang';

/** A local webhook receiver: records every request, and answers per path as told (200 unless told otherwise). */
export class Receiver {
  readonly received: Received[] = [];
  private readonly plans = new Map<string, { next: Answer[]; then: Answer }>();
  private readonly held = new Set<ServerResponse>();
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        this.received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        const plan = this.plans.get(path);
        const answer = plan ? (plan.next.shift() ?? plan.then) : 200;
        if (answer === 'hang') {
          this.held.add(response);
          response.on('close', () => this.held.delete(response));
          return;
        }
        response.writeHead(answer, { 'content-type': 'text/plain' }).end('thanks');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Answers the next requests to `path` with `next`, one each, and every later one with `then`. */
  plan(path: string, next: Answer[], then: Answer = 200): void {
    this.plans.set(path, { next: [...next], then });
  }

  at(path: string): Received[] {
    return this.received.filter((request) => request.path === path);
  }

  hanging(path: string): boolean {
    return [...this.held].some((response) => response.req.url === path);
  }

  async stop(): Promise<void> {
    for (const response of this.held) response.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** Waits (without asserting anything about time) until `probe` gives a value. */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, what: string, limitMs = 20_000): Promise<T> {
  const until = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const CREATE_WEBHOOK = `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id url events description conference { slug } } } }`;
export const DELIVERIES = `query ($id: ID!, $first: Int, $after: String) {
  webhookDeliveries(webhookId: $id, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id event status attempts responseStatus error nextAttemptAt lastAttemptAt deliveredAt createdAt body attemptLog { at responseStatus error } } }
  }
}`;
