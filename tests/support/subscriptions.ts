import { createClient, Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * GraphQL subscriptions over WebSocket (graphql-transport-ws) as a client sees them: what one
 * subscription heard, the error it ended with, and how its connection closed.
 */
export interface Subscriber {
  heard: any[];
  /** The next message not yet taken, waiting for it if need be. */
  next(): Promise<any>;
  /** Resolves with what ended the subscription: the server's errors, or the connection's close event. */
  failed: Promise<any>;
  /** Resolves with the code the connection was closed with. */
  closed: Promise<number>;
}

export interface SubscriptionConnection {
  client: Client;
  subscribe(query: string, variables?: Record<string, unknown>): Subscriber;
}

/** What the console's browser brings to a connection: its session cookie on the upgrade, its CSRF token at connection_init. */
export interface ConsoleCredentials {
  cookie: string;
  csrfToken?: string;
}

/**
 * One connection to a Lectern at `url` (http://…), as the public or, with `authorization`, as
 * whoever that header names, or as the console does. Subscriptions made through it share the
 * connection; `dispose` it.
 */
export function connect(url: string, authorization?: string, fromConsole?: ConsoleCredentials): SubscriptionConnection {
  let closedWith: (code: number) => void = () => undefined;
  const closed = new Promise<number>((resolve) => (closedWith = resolve));
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: fromConsole ? withHeaders({ cookie: fromConsole.cookie }) : WebSocket,
    retryAttempts: 0,
    connectionParams: authorization
      ? { authorization }
      : fromConsole?.csrfToken !== undefined
        ? { csrfToken: fromConsole.csrfToken }
        : undefined,
    on: { closed: (event) => closedWith((event as { code: number }).code) },
  });
  return {
    client,
    subscribe(query, variables) {
      const heard: any[] = [];
      const waiting: ((message: any) => void)[] = [];
      let taken = 0;
      const failed = new Promise<any>((resolve) =>
        client.subscribe(
          { query, variables },
          {
            next: (message) => {
              heard.push(message);
              waiting.shift()?.(message);
            },
            error: resolve,
            complete: () => resolve(undefined),
          },
        ),
      );
      return {
        heard,
        failed,
        closed,
        next: () => {
          const index = taken++;
          return index < heard.length ? Promise.resolve(heard[index]) : new Promise((resolve) => waiting.push(resolve));
        },
      };
    },
  };
}

/**
 * A subscription is open once the server has subscribed, which the client is not told of: makes
 * a change until the subscriber hears one, and answers what it heard first.
 */
export async function untilHeard(subscriber: Subscriber, change: (attempt: number) => Promise<unknown>): Promise<any> {
  for (let attempt = 1; subscriber.heard.length === 0 && attempt <= 50; attempt++) {
    await change(attempt);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return subscriber.next();
}

/**
 * Opens a connection with this Authorization and tells whether the server acknowledged it
 * (`connection_ack`) rather than closing it; the connection is closed either way. `webSocketImpl`
 * stands in for the client's WebSocket (to send the upgrade with other headers, say).
 */
export async function acknowledged(url: string, authorization: string, webSocketImpl: unknown = WebSocket): Promise<boolean> {
  const client = createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl,
    lazy: false,
    retryAttempts: 0,
    connectionParams: { authorization },
    onNonLazyError: () => undefined,
  });
  try {
    return await new Promise<boolean>((resolve) => {
      client.on('connected', () => resolve(true));
      client.on('closed', () => resolve(false));
    });
  } finally {
    await client.dispose();
  }
}

/** A WebSocket whose upgrade request carries these headers, as a browser's carries its cookies. */
export function withHeaders(headers: Record<string, string>): unknown {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
}
