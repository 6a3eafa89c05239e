/**
 * The first path segments Lectern serves itself. The public programme site answers
 * `/{conference-slug}` beside them, so a conference with one of these slugs could never be
 * reached there: they are refused on create and update, and the site's router can use the same
 * list to tell its own addresses from a conference's.
 */
export const RESERVED_CONFERENCE_SLUGS: readonly string[] = [
  'speakers',
  'interviews',
  'embed',
  'calendars',
  'exports',
  'feeds',
  'api',
  'graphql',
  'graphiql',
  'health',
  'assets',
  'developers',
  'console',
  'site',
  'agenda',
  'me',
  'photos',
];

const RESERVED = new Set(RESERVED_CONFERENCE_SLUGS);

export function isReservedConferenceSlug(slug: string): boolean {
  return RESERVED.has(slug);
}
