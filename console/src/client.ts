import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWebSocketClient } from 'graphql-ws';

/**
 * The console's one way to the server: Lectern's public GraphQL endpoint, signed in by the
 * session cookie (sent by the browser, same origin) and, on anything that changes, the session's
 * CSRF token, which a page of another site cannot know.
 */
let csrfToken: string | null = null;

/**
 * Kept in memory only: a reloaded page reads it again from `organiserSession` (a GET, which needs
 * none), so no storage a script could read holds it.
 */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

const GRAPHQL_PATH = '/graphql';

const webSocketClient = createWebSocketClient({
  url: () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${GRAPHQL_PATH}`,
  connectionParams: () => (csrfToken ? { csrfToken } : {}),
  lazy: true,
  retryAttempts: Infinity,
});

export const client = new Client({
  url: GRAPHQL_PATH,
  // Queries go as GET (cacheable, and readable without the CSRF token); mutations as POST.
  preferGetMethod: 'within-url-limit',
  // The document cache refetches a screen's queries after a mutation of the types they show.
  exchanges: [
    cacheExchange,
    fetchExchange,
    subscriptionExchange({
      forwardSubscription(request) {
        const input = { ...request, query: request.query ?? '' };
        return { subscribe: (sink) => ({ unsubscribe: webSocketClient.subscribe(input, sink) }) };
      },
    }),
  ],
  // Never the browser's HTTP cache: a public answer kept from before sign-in must not stand in for the organiser's.
  fetchOptions: (): RequestInit => ({
    credentials: 'same-origin',
    cache: 'no-store',
    headers: csrfToken ? { 'x-csrf-token': csrfToken } : undefined,
  }),
  requestPolicy: 'cache-and-network',
});
