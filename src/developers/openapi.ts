import { TextFormat } from '../common/rich-text';
import { StoredPhoto } from '../speaker-portal/photos/speaker-photos.service';
import {
  AppearanceView,
  ConferenceView,
  InterviewItemView,
  InterviewView,
  PersonView,
  PhotoView,
  SessionCalendarView,
  SessionView,
  SpeakerView,
  SpeakerWallView,
} from '../website/website-views';

/*
 * The JSON API (src/website/website-api.controller.ts) as OpenAPI 3.1, written here rather than
 * from @nestjs/swagger's decorators: the routes answer through Fastify's reply (`@Res()`) and the
 * documents are interfaces (website-views.ts), so swagger could infer nothing and would need a
 * decorated class mirroring every view plus decorators on each route. Instead each schema below
 * is typed against its view: a field added to or removed from a view fails the type check until
 * it is described here. tests/e2e/openapi.test.ts validates the document and checks that every
 * `/api/` route Nest serves is in it.
 */

type Schema = Record<string, unknown>;

const string = (description?: string): Schema => ({ type: 'string', ...(description ? { description } : {}) });
const nullable = (schema: Schema): Schema =>
  '$ref' in schema ? { oneOf: [schema, { type: 'null' }] } : { ...schema, type: [schema.type as string, 'null'] };
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const list = (items: Schema): Schema => ({ type: 'array', items });

/** A JSON object with exactly the view's fields, all of them always present (a missing value is `null`). */
function view<T>(description: string, properties: { [K in keyof T]-?: Schema }): Schema {
  return { type: 'object', description, properties, required: Object.keys(properties), additionalProperties: false };
}

const FORMATS = Object.values(TextFormat).map((format) => format.toLowerCase());

const schemas = {
  Conference: view<ConferenceView>('The conference, as it is now.', {
    slug: string(),
    name: string(),
    startDate: { type: 'string', format: 'date' },
    endDate: { type: 'string', format: 'date' },
    timeZone: string('IANA time zone, e.g. Europe/Stockholm.'),
    defaultLocale: string('BCP 47.'),
    city: nullable(string()),
    websiteUrl: nullable(string()),
  }),
  SessionCalendar: view<SessionCalendarView>("The session's own calendar feed, and the calendars' add pages (null while unscheduled).", {
    https: string('The feed over https, to subscribe to.'),
    webcal: string('The same feed as webcal:, which opens the calendar application.'),
    download: string('The feed as a file to download.'),
    google: nullable(string()),
    outlook: nullable(string()),
    office365: nullable(string()),
  }),
  Session: view<SessionView>('A published session, as the version of the programme the conference follows has it.', {
    id: string('Names its calendar feed.'),
    title: nullable(string()),
    abstract: nullable(string('In the requested format.')),
    format: string('TALK, PANEL, …'),
    status: string(),
    language: string('BCP 47.'),
    startsAt: nullable({ type: 'string', format: 'date-time', description: 'UTC; null while unscheduled.' }),
    endsAt: nullable({ type: 'string', format: 'date-time', description: 'UTC; null while unscheduled.' }),
    localStartsAt: nullable({ type: 'string', format: 'date-time', description: "In the conference's zone, with its offset." }),
    localEndsAt: nullable({ type: 'string', format: 'date-time', description: "In the conference's zone, with its offset." }),
    timeZone: string(),
    room: nullable(string()),
    track: nullable(string()),
    calendar: ref('SessionCalendar'),
    conference: ref('Conference'),
  }),
  Appearance: view<AppearanceView>('A part in a session, with the title and organisation the speaker had at that session.', {
    role: string('SPEAKER, MODERATOR, …'),
    title: nullable(string()),
    organisation: nullable(string()),
    affiliation: nullable(string('Title and organisation together.')),
    session: ref('Session'),
  }),
  Photo: view<PhotoView>('A speaker photo.', {
    url: string(),
    width: nullable({ type: 'integer' }),
    height: nullable({ type: 'integer' }),
    alt: nullable(string()),
  }),
  Person: view<PersonView>('A speaker, by name.', { slug: string(), name: string() }),
  InterviewItem: view<InterviewItemView>('A question and its answer.', {
    question: nullable(string()),
    answer: nullable(string('In the requested format.')),
    askedBy: nullable(string()),
    answeredBy: nullable(ref('Person')),
  }),
  Interview: view<InterviewView>('An interview.', {
    slug: string(),
    locale: string('The locale the document is in (also Content-Language).'),
    format: { type: 'string', enum: Object.values(TextFormat) },
    title: nullable(string()),
    lead: nullable(string('In the requested format.')),
    language: string(),
    author: nullable(string()),
    publishedOn: nullable({ type: 'string', format: 'date' }),
    sourceUrl: nullable(string()),
    conference: nullable({
      type: 'object',
      properties: { slug: string(), name: string() },
      required: ['slug', 'name'],
      additionalProperties: false,
    }),
    speakers: list(ref('Person')),
    items: list(ref('InterviewItem')),
  }),
  Speaker: view<SpeakerView>('A speaker and their published parts.', {
    slug: string(),
    name: string(),
    locale: string('The locale the document is in (also Content-Language).'),
    format: { type: 'string', enum: Object.values(TextFormat) },
    bio: nullable(string('In the requested format.')),
    affiliation: nullable(string('That of the latest appearance.')),
    photo: nullable(ref('Photo')),
    links: list({
      type: 'object',
      properties: { label: string(), url: string() },
      required: ['label', 'url'],
      additionalProperties: false,
    }),
    appearances: { ...list(ref('Appearance')), description: 'Oldest first.' },
    interviews: list(ref('Interview')),
  }),
  SpeakerWall: view<SpeakerWallView>("A conference's speakers, by name, each with their parts in it.", {
    locale: string(),
    format: { type: 'string', enum: Object.values(TextFormat) },
    conference: ref('Conference'),
    speakers: list(ref('Speaker')),
  }),
  StoredPhoto: view<StoredPhoto>('An uploaded photo, by its default rendition (the one `photoUrl` names).', {
    id: string('Names the photo in its addresses, /photos/{id}/{size}.{webp|jpg}.'),
    url: string("Lectern's address of its 512 px JPEG (smaller when the upload was), to be cached forever."),
    width: { type: 'integer' },
    height: { type: 'integer' },
  }),
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { type: 'string', enum: ['BAD_USER_INPUT', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN'] },
          message: string(),
          field: string('The parameter at fault.'),
        },
      },
    },
  },
};

const JSON_CONTENT = (schema: Schema) => ({ 'application/json': { schema } });
const cachingHeaders = {
  ETag: { description: 'A strong validator; send it back as If-None-Match.', schema: { type: 'string' } },
  'Cache-Control': {
    description: '`public, max-age=60`, or `private, no-store` for a request with Authorization.',
    schema: { type: 'string' },
  },
};

function jsonRead(summary: string, description: string, schema: string, slugOf: string, { redirects = false } = {}) {
  return {
    get: {
      summary,
      description,
      tags: ['JSON API'],
      parameters: [
        { name: 'slug', in: 'path', required: true, description: slugOf, schema: { type: 'string' } },
        { $ref: '#/components/parameters/locale' },
        { $ref: '#/components/parameters/format' },
        { $ref: '#/components/parameters/acceptLanguage' },
      ],
      responses: {
        '200': {
          description: `The ${schema.toLowerCase()} document.`,
          headers: { ...cachingHeaders, 'Content-Language': { description: 'The locale used.', schema: { type: 'string' } } },
          content: JSON_CONTENT(ref(schema)),
        },
        ...(redirects
          ? {
              '301': {
                description: "One of the speaker's other slugs: Location is their own address, with the same query string.",
                headers: { Location: { schema: { type: 'string' } } },
              },
            }
          : {}),
        '304': { description: 'The copy named by If-None-Match is current.' },
        '400': { description: 'A bad `locale` or `format`, or one given twice.', content: JSON_CONTENT(ref('Error')) },
        '404': { description: `No published ${schema.toLowerCase()} by that slug.`, content: JSON_CONTENT(ref('Error')) },
      },
    },
  };
}

/** The document served at /api/openapi.json. */
export function openApiDocument(publicBaseUrl: string, version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lectern JSON API',
      version,
      summary: 'Published speakers, interviews and speaker lists as JSON, for websites that do not speak GraphQL.',
      description:
        'Public, published content only, readable from any origin (CORS `*`) and cacheable. Language: `?locale=` wins, ' +
        "then Accept-Language, then the conference's default; the answer says which it used (`locale`, Content-Language). " +
        'The GraphQL API (/graphql, schema at /graphql/schema.graphql) offers all of it and more; see /developers.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: publicBaseUrl }],
    tags: [
      { name: 'JSON API', description: 'The public read model as plain JSON.' },
      { name: 'Documentation', description: 'This document and its viewer.' },
    ],
    paths: {
      '/api/speakers/{slug}': jsonRead(
        'One speaker',
        'A speaker with their published appearances (oldest first) and interviews.',
        'Speaker',
        "The speaker's slug, or one of their other slugs (answered 301).",
        { redirects: true },
      ),
      '/api/conferences/{slug}/speakers': jsonRead(
        "A conference's speakers",
        "The published conference's speakers by name, each with their parts in it.",
        'SpeakerWall',
        "The conference's slug.",
      ),
      '/api/interviews/{slug}': jsonRead('One interview', 'A published interview.', 'Interview', "The interview's slug."),
      '/api/interviews/{slug}.md': {
        get: {
          summary: 'One interview as a static site page',
          description:
            "YAML front matter (title, date, lead, speakers, conference, locale, slug) and the questions as `##` headings with their answers, in Markdown, the shape Hugo's or Jekyll's content folders take; in a panel each answer starts with who gave it.",
          tags: ['JSON API'],
          parameters: [
            { name: 'slug', in: 'path', required: true, description: "The interview's slug.", schema: { type: 'string' } },
            { $ref: '#/components/parameters/locale' },
            { $ref: '#/components/parameters/acceptLanguage' },
          ],
          responses: {
            '200': {
              description: 'The Markdown page.',
              headers: { ...cachingHeaders, 'Content-Language': { description: 'The locale used.', schema: { type: 'string' } } },
              content: { 'text/markdown': { schema: { type: 'string' } } },
            },
            '304': { description: 'The copy named by If-None-Match is current.' },
            '400': { description: 'A bad `locale`, or one given twice.', content: JSON_CONTENT(ref('Error')) },
            '404': { description: 'No published interview by that slug.', content: JSON_CONTENT(ref('Error')) },
          },
        },
      },
      '/api/speakers/{slug}/photo': {
        put: {
          summary: "Upload a speaker's photo",
          description:
            'The image itself is the body (JPEG, PNG or WebP, decided from its bytes; at most PHOTO_MAX_BYTES, 10 MB by default), ' +
            'with a bearer token of an organiser who may change the profile. It is turned upright, cropped to squares of 96, 160, ' +
            '192, 320 and 512 px (those the upload is large enough for), re-encoded as WebP and JPEG without its metadata (EXIF, GPS), ' +
            "and shown on the profile at once: `photoUrl` becomes the 512 px JPEG's address; each locale of `alt.<locale>` replaces that " +
            "locale's alt text, the others keep theirs. Every rendition is served at /photos/{id}/{size}.{webp|jpg}, cacheable for a year.",
          tags: ['JSON API'],
          security: [{ bearer: [] }],
          parameters: [
            {
              name: 'slug',
              in: 'path',
              required: true,
              description: "The speaker's slug (or one of their other slugs), or their id (global or numeric).",
              schema: { type: 'string' },
            },
            {
              name: 'alt.en',
              in: 'query',
              description: 'What the photo shows, in that locale (any known locale: `alt.sv`, `alt.nb`, …).',
              schema: { type: 'string', maxLength: 500 },
            },
          ],
          requestBody: {
            required: true,
            content: Object.fromEntries(
              ['image/jpeg', 'image/png', 'image/webp'].map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]),
            ),
          },
          responses: {
            '200': { description: 'Stored and shown.', content: JSON_CONTENT(ref('StoredPhoto')) },
            '400': {
              description:
                'Not a JPEG, PNG or WebP, damaged, larger than PHOTO_MAX_BYTES, over 67 megapixels, under 96×96, or a bad alt text.',
              content: JSON_CONTENT(ref('Error')),
            },
            '401': { description: 'No organiser token.', content: JSON_CONTENT(ref('Error')) },
            '403': { description: "The token's organiser may not change this speaker's profile.", content: JSON_CONTENT(ref('Error')) },
            '404': { description: 'No speaker by that slug or id.', content: JSON_CONTENT(ref('Error')) },
            '413': { description: 'A body more than 1 MB beyond PHOTO_MAX_BYTES: not read to the end.' },
          },
        },
      },
      '/api/openapi.json': {
        get: {
          summary: 'This document',
          tags: ['Documentation'],
          responses: { '200': { description: 'OpenAPI 3.1', headers: cachingHeaders, content: { 'application/json': {} } } },
        },
      },
      '/api/docs': {
        get: {
          summary: 'The viewer of this document (Swagger UI, from Lectern itself)',
          tags: ['Documentation'],
          responses: { '200': { description: 'An HTML page.', content: { 'text/html': {} } } },
        },
      },
      '/api/docs/{file}': {
        get: {
          summary: "One of the viewer's scripts or style sheets",
          tags: ['Documentation'],
          parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'The file.', content: { 'text/javascript': {}, 'text/css': {} } },
            '404': { description: 'No such file.', content: { 'text/plain': {} } },
          },
        },
      },
    },
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: "An organiser's access token." } },
      parameters: {
        locale: {
          name: 'locale',
          in: 'query',
          description: 'The locale wanted (BCP 47), e.g. `sv`; wins over Accept-Language.',
          schema: { type: 'string', examples: ['sv', 'en', 'nb'] },
        },
        format: {
          name: 'format',
          in: 'query',
          description: 'Rich text as `html` (from Markdown, raw HTML off, safe to insert), `markdown`, or `text` (plain).',
          schema: { type: 'string', enum: FORMATS, default: 'html' },
        },
        acceptLanguage: { name: 'Accept-Language', in: 'header', schema: { type: 'string' } },
      },
    },
  };
}
