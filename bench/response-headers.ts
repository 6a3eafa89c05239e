/** Response headers as Lectern sent them, to be sent again as they are. */
export type ResponseHeaders = Record<string, string>;

/** Headers written anew for each response: by the HTTP layer, the date, and Lectern's request id. */
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'x-request-id']);

/**
 * What a limit answers besides the body: Lectern's own headers (security headers, CORS, caching),
 * so that a limit sends the very bytes Lectern sends and is spared only the work of deciding them.
 * For a 304 the headers are the whole answer.
 */
export function replayableHeaders(headers: Headers): ResponseHeaders {
  const replayable: ResponseHeaders = {};
  headers.forEach((value, name) => {
    if (!PER_CONNECTION.has(name)) replayable[name] = value;
  });
  return replayable;
}
