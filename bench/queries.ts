/** What the benchmark asks Lectern: the requests named in the issue, with the schema's real shape. */

/** A page of the programme: `sessions` is a connection, so the sessions are edges' nodes. */
export const SESSION_PAGE = `query Page($slug: String!, $first: Int!) {
  sessions(conferenceSlug: $slug, first: $first) {
    edges { node { title startsAt room { name } track { name } appearances { role speaker { name } } } }
  }
}`;

/** A speaker for a website: the bio rendered from Markdown to HTML on every request. */
export const SPEAKER_BIO = `query Speaker($slug: String!) {
  speaker(slug: $slug) { name bio(format: HTML) }
}`;

/** The change that makes every feed cold: a new title for one session (bumps its revision). */
export const RETITLE_SESSION = `mutation Retitle($id: ID!, $title: [LocalisedTextInput!]!) {
  updateSession(id: $id, input: { title: $title }) { id revision }
}`;

export function graphqlBody(query: string, variables: Record<string, unknown>): string {
  return JSON.stringify({ query, variables });
}

export const feedPath = (conferenceSlug: string) => `/calendars/conferences/${conferenceSlug}.ics`;
export const trackFeedPath = (conferenceSlug: string, trackSlug: string) =>
  `/calendars/conferences/${conferenceSlug}/tracks/${trackSlug}.ics`;

/** GraphQL requests to the server at `url` as the bench's admin; a request's errors end the run. */
export function graphqlAs(url: string, token: string) {
  return async (query: string, variables: Record<string, unknown>): Promise<any> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: graphqlBody(query, variables),
    });
    const result = (await response.json()) as { data?: unknown; errors?: unknown[] };
    if (result.errors || !result.data) throw new Error(`the bench's GraphQL request failed: ${JSON.stringify(result.errors)}`);
    return result.data;
  };
}
