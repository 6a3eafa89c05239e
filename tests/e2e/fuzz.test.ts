import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { signInSpeaker } from '../support/speakers';
import { DemoLoader } from '../../src/demo/demo-loader.service';
import { Lectern, ORGANISER_TOKEN, startLectern } from '../support/lectern';
import { builtConsole } from '../support/console';
import { FUZZ_SEED } from '../support/environment';

/**
 * Throws malformed input at every HTTP endpoint, as the public and as an organiser: wrong types
 * for every argument and variable of every query and mutation in the schema (read from
 * introspection), values the services must refuse, huge strings, broken and deeply nested JSON,
 * wrong content types and methods, invalid UTF-8, garbage query strings and route parameters.
 * Subscriptions over WebSocket get the same: wrong arguments for every subscription field,
 * documents past every limit, and messages no client should send. No answer may be a server
 * error or give away its insides, and the database must be exactly as it was afterwards. Routes
 * and schema fields added later are fuzzed too.
 *
 * The inputs are drawn from a seeded generator: FUZZ_SEED=<n> replays a run.
 */

const SEED = FUZZ_SEED;
const CONCURRENCY = 8;

/** A stack frame, a source path, or words from SQL or a database driver. */
const LEAKS = /\bat \S+ \(|node_modules|\/src\/|\.ts:\d+|SQLITE|SELECT |INSERT |QueryFailedError|relation "|violates|syntax error at/;

/** 1 MB minus a bit: under the 1 MiB body limit with the rest of the request around it. */
const ALMOST_A_MEGABYTE = 1_000_000 - 4_000;

// ---------------------------------------------------------------------------------------------
// A seeded generator (mulberry32): the same seed draws the same inputs.

class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(below: number): number {
    return Math.floor(this.next() * below);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  text(length: number): string {
    const alphabet = 'abcdefghijklmnopqrstuvwxyzÅÄÖåäöøæ0123456789 -_./\\\'"{}[]()$#@!?%&*+=<>:;,~`|^\n\t\u0000\u200b🎤';
    return Array.from({ length }, () => this.pick([...alphabet])).join('');
  }
}

// ---------------------------------------------------------------------------------------------
// The schema, read through introspection.

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  type: TypeRef;
}
interface RootField {
  operation: 'query' | 'mutation' | 'subscription';
  name: string;
  args: InputValue[];
  type: TypeRef;
}
interface SchemaType {
  kind: string;
  name: string;
  inputFields: InputValue[] | null;
  enumValues: { name: string }[] | null;
}
interface Schema {
  /** Queries and mutations (over HTTP). */
  fields: RootField[];
  /** Subscriptions (over WebSocket). */
  subscriptions: RootField[];
  types: Map<string, SchemaType>;
}

const TYPE_REF = 'kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
const INTROSPECTION = `{ __schema {
  queryType { fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } }
  mutationType { fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } }
  subscriptionType { fields { name args { name type { ${TYPE_REF} } } type { ${TYPE_REF} } } }
  types { kind name inputFields { name type { ${TYPE_REF} } } enumValues { name } }
} }`;

async function readSchema(lectern: Lectern): Promise<Schema> {
  const { __schema } = await lectern.ok(INTROSPECTION);
  const fields: RootField[] = [
    ...__schema.queryType.fields.map((field: RootField) => ({ ...field, operation: 'query' as const })),
    ...__schema.mutationType.fields.map((field: RootField) => ({ ...field, operation: 'mutation' as const })),
  ];
  const subscriptions = __schema.subscriptionType.fields.map((field: RootField) => ({ ...field, operation: 'subscription' as const }));
  return { fields, subscriptions, types: new Map(__schema.types.map((type: SchemaType) => [type.name, type])) };
}

const typeText = (type: TypeRef): string =>
  type.kind === 'NON_NULL' ? `${typeText(type.ofType!)}!` : type.kind === 'LIST' ? `[${typeText(type.ofType!)}]` : type.name!;

const namedType = (type: TypeRef): TypeRef => (type.ofType ? namedType(type.ofType) : type);

/** The selection a field needs to be valid, whatever its type. */
const selectionFor = (type: TypeRef) => (['OBJECT', 'INTERFACE', 'UNION'].includes(namedType(type).kind) ? ' { __typename }' : '');

// ---------------------------------------------------------------------------------------------
// Values of the wrong type. Each one is invalid for its type, whatever else the request holds,
// so a request that carries one is refused before any resolver runs and can change nothing.
// Custom scalars other than DateTime are never poisoned: they may accept anything.

const INT_OUT_OF_RANGE = 2 ** 31;

function huge(random: Random): string {
  return random.chance(0.5) ? 'x'.repeat(100_000) : random.text(2_000);
}

/** A GraphQL literal that `type` refuses, or undefined when no value is sure to be refused. */
function wrongLiteral(type: TypeRef, schema: Schema, random: Random, depth = 0): string | undefined {
  if (type.kind === 'NON_NULL') return random.chance(0.3) ? 'null' : wrongLiteral(type.ofType!, schema, random, depth);
  if (type.kind === 'LIST') {
    const item = type.ofType!.kind === 'NON_NULL' && random.chance(0.3) ? 'null' : wrongLiteral(type.ofType!, schema, random, depth);
    return item === undefined ? undefined : `[${item}]`;
  }
  const named = schema.types.get(type.name!)!;
  switch (named.kind === 'SCALAR' ? named.name : named.kind) {
    case 'Int':
      return random.pick([
        '"12"',
        '1.5',
        String(INT_OUT_OF_RANGE),
        String(-INT_OUT_OF_RANGE - 1),
        'true',
        '{ n: 1 }',
        '["x"]',
        'TWELVE',
        `"${huge(random)}"`,
      ]);
    case 'Float':
      return random.pick(['"1.5"', 'true', '{ f: 1 }', 'NAN']);
    case 'String':
      return random.pick(['12', '1.5', 'true', '{ s: "x" }', '["a", "b"]', 'NOT_A_STRING', `{ s: "${huge(random)}" }`]);
    case 'ID':
      return random.pick(['1.5', 'true', '{ id: 1 }', '["1"]', 'ID_1', 'false']);
    case 'Boolean':
      return random.pick(['"true"', '1', '0', '{ b: true }', 'YES', '[true]']);
    case 'DateTime':
      return random.pick(['"2020-02-30T10:00:00Z"', '"2020-08-19T25:61:00+02:00"', '"yesterday"', '""', 'true', '{ at: "now" }', '1.5']);
    case 'ENUM': {
      const valid = named.enumValues![0]?.name ?? 'X';
      return random.pick([`NOT_${valid}`, `"${valid}"`, '1', 'true', `${valid.toLowerCase()}_x`]);
    }
    case 'INPUT_OBJECT': {
      const fields = named.inputFields!;
      const poisoned = depth < 3 && fields.length > 0 ? random.pick(fields) : undefined;
      const inner = poisoned && wrongLiteral(poisoned.type, schema, random, depth + 1);
      return random.pick([
        '"an object, really"',
        '42',
        '[{ }]',
        `{ notAField${random.int(100)}: 1 }`,
        inner ? `{ ${poisoned!.name}: ${inner} }` : '{ notAField: "x" }',
        `{ notAField: ${'{ a: '.repeat(50)}1${' }'.repeat(50)} }`,
      ]);
    }
    default:
      return undefined;
  }
}

/** A JSON value that a variable of `type` refuses, or undefined when none is sure to be. */
function wrongJson(type: TypeRef, schema: Schema, random: Random, depth = 0): unknown {
  if (type.kind === 'NON_NULL') return random.chance(0.3) ? null : wrongJson(type.ofType!, schema, random, depth);
  if (type.kind === 'LIST') {
    const item = type.ofType!.kind === 'NON_NULL' && random.chance(0.3) ? null : wrongJson(type.ofType!, schema, random, depth);
    return item === undefined ? undefined : [item];
  }
  const named = schema.types.get(type.name!)!;
  const nested = (levels: number): unknown => (levels === 0 ? 'bottom' : { a: nested(levels - 1) });
  switch (named.kind === 'SCALAR' ? named.name : named.kind) {
    case 'Int':
      return random.pick(['12', 1.5, INT_OUT_OF_RANGE, true, {}, [[1]], '9'.repeat(ALMOST_A_MEGABYTE / 4), 1e308]);
    case 'Float':
      return random.pick(['1.5', true, {}, [[1]]]);
    case 'String':
      return random.pick([12, 1.5, true, {}, { s: 'x' }, [['nested']], nested(500)]);
    case 'ID':
      return random.pick([1.5, true, {}, { id: 1 }, [['1']], -0.5]);
    case 'Boolean':
      return random.pick(['true', 1, 0, {}, 'yes', [['true']]]);
    case 'DateTime':
      return random.pick(['2020-02-30T10:00:00Z', '2020-08-19T10:00:00+25:00', '19 August 2020', '', true, {}, 'x'.repeat(100_000)]);
    case 'ENUM':
      return random.pick(['NOT_A_VALUE', 1, true, {}, (named.enumValues![0]?.name ?? 'X').toLowerCase() + '_X']);
    case 'INPUT_OBJECT': {
      const fields = named.inputFields!;
      const poisoned = depth < 3 && fields.length > 0 ? random.pick(fields) : undefined;
      const inner = poisoned && wrongJson(poisoned.type, schema, random, depth + 1);
      return random.pick([
        'a string',
        42,
        [[{}]],
        { notAField: true },
        { notAField: nested(1_000) },
        inner !== undefined ? { [poisoned!.name]: inner } : { notAField: 1 },
      ]);
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Probes: one request each, and what a good answer to it looks like.

type Role = 'public' | 'organiser' | 'speaker';
/** Every kind of caller: the public, an organiser (the admin's token), and a signed-in speaker (cookie and CSRF token). */
const ROLES: Role[] = ['public', 'organiser', 'speaker'];

interface Probe {
  label: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** A GraphQL answer: JSON with `errors[0].message` (unless `mayAnswer`), never INTERNAL_SERVER_ERROR. */
  graphql: boolean;
  /** Valid but harmless input (a read): data is as good an answer as an error. */
  mayAnswer?: boolean;
}

/**
 * Wrong tokens count against the client that sends them (and a client that sends too many is
 * refused even with a good token), so each probe with a wrong token comes from an address of its
 * own: Fastify believes X-Forwarded-For from the loopback proxy the tests stand in for.
 */
let clients = 0;
const anotherClient = () => ({ 'x-forwarded-for': `198.51.${100 + Math.floor(clients / 250)}.${(clients++ % 250) + 1}` });

/** A speaker's session on the server under test, opened before the probes are made. */
let speakerHeaders: Record<string, string> = {};

/** Read when a probe is made: each server issues its own organiser token. */
const roleHeaders = (role: Role): Record<string, string> =>
  role === 'organiser' ? { authorization: `Bearer ${ORGANISER_TOKEN}` } : role === 'speaker' ? speakerHeaders : {};

function graphqlPost(label: string, role: Role, payload: unknown, options: { mayAnswer?: boolean } = {}): Probe {
  return {
    label: `${role}: ${label}`,
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...roleHeaders(role) },
    body: JSON.stringify(payload),
    graphql: true,
    mayAnswer: options.mayAnswer,
  };
}

/** Every argument of every query and mutation, given a value of the wrong type, as a literal and as a variable. */
function wrongArgumentProbes(schema: Schema, random: Random): Probe[] {
  const probes: Probe[] = [];
  for (const field of schema.fields) {
    for (const role of ROLES) {
      const operation = `${field.operation} ${field.name}`;
      const call = (args: string) => `${field.operation} { ${field.name}${args}${selectionFor(field.type)} }`;

      probes.push(
        graphqlPost(`${operation} with an argument it does not have`, role, { query: call(`(notAnArgument${random.int(1000)}: 1)`) }),
      );
      if (field.args.some((arg) => arg.type.kind === 'NON_NULL')) {
        probes.push(graphqlPost(`${operation} without its required arguments`, role, { query: call('') }));
      }
      for (const arg of field.args) {
        for (let attempt = 0; attempt < 2; attempt++) {
          const literal = wrongLiteral(arg.type, schema, random);
          if (literal !== undefined)
            probes.push(
              graphqlPost(`${operation}(${arg.name}: ${literal.slice(0, 80)})`, role, { query: call(`(${arg.name}: ${literal})`) }),
            );
        }
        const value = wrongJson(arg.type, schema, random);
        if (value === undefined && arg.type.kind !== 'NON_NULL') continue;
        const definitions = field.args.map((a) => `$${a.name}: ${typeText(a.type)}`).join(', ');
        const query = `${field.operation} (${definitions}) { ${field.name}(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})${selectionFor(field.type)} }`;
        const variables = value === undefined ? {} : { [arg.name]: value };
        probes.push(graphqlPost(`${operation} with $${arg.name} = ${JSON.stringify(value)?.slice(0, 80)}`, role, { query, variables }));
      }
    }
  }
  return probes;
}

// ---------------------------------------------------------------------------------------------
// Well-typed input the services must refuse: bad slugs, zones, dates, locales, URLs, ids, sizes.

interface Ids {
  conference: string;
  otherConference: string;
  otherRoom: string;
  session: string;
  speaker: string;
  room: string;
  track: string;
  appearance: string;
  interview: string;
}

async function readIds(lectern: Lectern): Promise<Ids> {
  const data = await lectern.ok(
    `{ conferences(first: 10) { edges { node { id slug rooms { id } tracks { id } sessions(first: 5) { edges { node { id appearances { id } } } } } } }
       speakers(first: 1) { edges { node { id } } }
       interviews(first: 1) { edges { node { id } } } }`,
    {},
    { as: 'organiser' },
  );
  const conferences = data.conferences.edges.map((edge: any) => edge.node);
  const withTrack = conferences.find(
    (c: any) => c.tracks.length && c.rooms.length && c.sessions.edges.some((s: any) => s.node.appearances.length),
  );
  const other = conferences.find((c: any) => c !== withTrack && c.rooms.length);
  const session = withTrack.sessions.edges.find((s: any) => s.node.appearances.length).node;
  return {
    conference: withTrack.id,
    otherConference: other.id,
    otherRoom: other.rooms[0].id,
    session: session.id,
    speaker: data.speakers.edges[0].node.id,
    room: withTrack.rooms[0].id,
    track: withTrack.tracks[0].id,
    appearance: session.appearances[0].id,
    interview: data.interviews.edges[0].node.id,
  };
}

const NOT_OURS_IDS = ['0', '-1', '999999999', '2147483648', '99999999999999', '1e3', ' 1', '1.0', 'abc', '', '１', '0x10', "1' OR '1'='1"];
const BAD_SLUGS = [
  'a'.repeat(100_000),
  'Not A Slug',
  '',
  '-leading',
  'trailing-',
  'double--hyphen',
  'ünïcode',
  '../etc/passwd',
  'x'.repeat(81),
];
const BAD_ZONES = ['Mars/Olympus_Mons', 'UTC+1', '', 'Europe/Stockholm ', '../../etc/localtime', 'europe/oslo/', 'z'.repeat(10_000)];
const BAD_DATES = ['2020-02-30', '2020-13-01', '20200101', 'yesterday', '', '2020-1-1', '+002020-01-01', '2020-08-19T10:00:00Z'];
const BAD_LOCALES = ['not a locale!!', '', 'x'.repeat(300), 'en_GB_', '123'];
const BAD_URLS = ['javascript:alert(1)', 'ftp://example.org/x', 'not a url', '', 'http://', '//example.org/x'];

/** One more value than a list in a request may hold. */
const TOO_MANY_VALUES = 101;

const LIST_FILTERS = ['day', 'track', 'room', 'format', 'language', 'speaker', 'status'] as const;

/** `length` values for one of the filter's lists: valid ones, repeated ones or a mix of both. */
function listOf(length: number, random: Random): string[] {
  const value = random.pick([
    (i: number) => new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10),
    (i: number) => `slug-${i}`,
    () => 'TALK',
    () => 'en',
    (i: number) => random.text(1 + (i % 5)),
  ]);
  return Array.from({ length }, (_, i) => value(i));
}

/** One mutation with its input, one value of which the service must refuse. */
function refusedInputProbes(ids: Ids, random: Random): Probe[] {
  const conference = {
    slug: `fuzz-${SEED}`,
    name: 'Fuzz',
    startDate: '2030-05-01',
    endDate: '2030-05-02',
    timeZone: 'Europe/Oslo',
    defaultLocale: 'nb',
  };
  const session = {
    conferenceId: ids.conference,
    title: [{ locale: 'en', text: 'Fuzz' }],
    format: 'TALK',
    language: 'en',
  };
  const speaker = { slug: `fuzz-${SEED}`, name: 'Fuzz Speaker' };
  const cases: [string, string, Record<string, unknown>][] = [
    ...BAD_SLUGS.map((slug): [string, string, Record<string, unknown>] => [
      'createConference(input: $input) { id }',
      'CreateConferenceInput!',
      { input: { ...conference, slug } },
    ]),
    ...BAD_ZONES.map((timeZone): [string, string, Record<string, unknown>] => [
      'createConference(input: $input) { id }',
      'CreateConferenceInput!',
      { input: { ...conference, timeZone } },
    ]),
    ...BAD_DATES.flatMap((date): [string, string, Record<string, unknown>][] => [
      ['createConference(input: $input) { id }', 'CreateConferenceInput!', { input: { ...conference, startDate: date } }],
      ['createConference(input: $input) { id }', 'CreateConferenceInput!', { input: { ...conference, endDate: date } }],
    ]),
    ...BAD_LOCALES.map((defaultLocale): [string, string, Record<string, unknown>] => [
      'createConference(input: $input) { id }',
      'CreateConferenceInput!',
      { input: { ...conference, defaultLocale } },
    ]),
    ...BAD_URLS.map((websiteUrl): [string, string, Record<string, unknown>] => [
      'createConference(input: $input) { id }',
      'CreateConferenceInput!',
      { input: { ...conference, websiteUrl } },
    ]),
    ['createConference(input: $input) { id }', 'CreateConferenceInput!', { input: { ...conference, startDate: '2030-05-03' } }],
    ['createConference(input: $input) { id }', 'CreateConferenceInput!', { input: { ...conference, name: 'x'.repeat(ALMOST_A_MEGABYTE) } }],
    ['createConference(input: $input) { id }', 'CreateConferenceInput!', { input: { ...conference, venue: random.text(5_000) } }],
    ...[
      { timeZone: random.pick(BAD_ZONES) },
      { startDate: random.pick(BAD_DATES) },
      { slug: random.pick(BAD_SLUGS) },
      { defaultLocale: random.pick(BAD_LOCALES) },
      { websiteUrl: random.pick(BAD_URLS) },
      { name: null },
      { endDate: '1999-01-01' },
    ].map((input): [string, string, Record<string, unknown>] => [
      `updateConference(id: "${ids.conference}", input: $input) { id }`,
      'UpdateConferenceInput!',
      { input },
    ]),
    ...[
      { conferenceId: random.pick(NOT_OURS_IDS) },
      { language: random.pick(BAD_LOCALES) },
      { recordingUrl: random.pick(BAD_URLS) },
      { status: 'CANCELLED' },
      { startsAt: '2030-05-01T10:00:00Z' },
      { startsAt: '2020-01-01T10:00:00Z', endsAt: '2020-01-01T09:00:00Z' },
      { startsAt: '1970-01-01T00:00:00Z', endsAt: '1970-01-01T01:00:00Z' },
      { roomId: ids.otherRoom },
      { trackId: random.pick(NOT_OURS_IDS) },
      { title: [] },
      { notes: 'x'.repeat(ALMOST_A_MEGABYTE) },
    ].map((change): [string, string, Record<string, unknown>] => [
      'createSession(input: $input) { id }',
      'CreateSessionInput!',
      { input: { ...session, ...change } },
    ]),
    ...[{ language: 'xx yy zz' }, { roomId: ids.otherRoom }, { status: 'CANCELLED' }, { slidesUrl: 'javascript:x' }, { title: null }].map(
      (input): [string, string, Record<string, unknown>] => [
        `updateSession(id: "${ids.session}", input: $input) { id }`,
        'UpdateSessionInput!',
        { input },
      ],
    ),
    ...[
      { slug: random.pick(BAD_SLUGS) },
      { photoUrl: random.pick(BAD_URLS) },
      { email: 'not an address' },
      { links: [{ label: 'x', url: 'javascript:alert(1)' }] },
      { otherNames: [''] },
      { name: 'x'.repeat(10_000) },
    ].map((change): [string, string, Record<string, unknown>] => [
      'createSpeaker(input: $input) { id }',
      'CreateSpeakerInput!',
      { input: { ...speaker, ...change } },
    ]),
    [`updateSpeaker(id: "${ids.speaker}", input: $input) { id }`, 'UpdateSpeakerInput!', { input: { slug: 'Bad Slug' } }],
    [
      'createRoom(input: $input) { id }',
      'CreateRoomInput!',
      { input: { conferenceId: ids.conference, slug: 'fuzz-room', name: 'Room', capacity: -1 } },
    ],
    [
      'createRoom(input: $input) { id }',
      'CreateRoomInput!',
      { input: { conferenceId: ids.conference, slug: 'fuzz-room', name: 'Room', streamUrl: 'javascript:x' } },
    ],
    ['createRoom(input: $input) { id }', 'CreateRoomInput!', { input: { conferenceId: ids.conference, slug: 'Bad Slug', name: 'Room' } }],
    [
      'createTrack(input: $input) { id }',
      'CreateTrackInput!',
      { input: { conferenceId: ids.conference, slug: 'fuzz-track', name: 'Track', color: 'red' } },
    ],
    [
      'createTrack(input: $input) { id }',
      'CreateTrackInput!',
      { input: { conferenceId: random.pick(NOT_OURS_IDS), slug: 'fuzz-track', name: 'Track' } },
    ],
    [`updateRoom(id: "${ids.room}", input: $input) { id }`, 'UpdateRoomInput!', { input: { position: -1 } }],
    [`updateTrack(id: "${ids.track}", input: $input) { id }`, 'UpdateTrackInput!', { input: { color: '#12345' } }],
    [
      `updateAppearance(id: "${ids.appearance}", input: $input) { id }`,
      'UpdateAppearanceInput!',
      { input: { title: 'x'.repeat(100_000) } },
    ],
    [
      'addAppearance(input: $input) { id }',
      'AddAppearanceInput!',
      { input: { sessionId: ids.session, speakerId: random.pick(NOT_OURS_IDS) } },
    ],
    [`updateInterview(id: "${ids.interview}", input: $input) { id }`, 'UpdateInterviewInput!', { input: { speakerIds: [] } }],
    [
      `updateInterview(id: "${ids.interview}", input: $input) { id }`,
      'UpdateInterviewInput!',
      { input: { speakerIds: [ids.speaker, ids.speaker] } },
    ],
    [
      `updateInterview(id: "${ids.interview}", input: $input) { id }`,
      'UpdateInterviewInput!',
      { input: { publishedOn: random.pick(BAD_DATES) } },
    ],
    [`updateInterview(id: "${ids.interview}", input: $input) { id }`, 'UpdateInterviewInput!', { input: { language: '' } }],
    // Lists longer than a request may hold (100 values), refused before any resolver runs.
    [
      `updateInterview(id: "${ids.interview}", input: $input) { id }`,
      'UpdateInterviewInput!',
      { input: { speakerIds: Array(TOO_MANY_VALUES).fill(ids.speaker) } },
    ],
    ['createSpeaker(input: $input) { id }', 'CreateSpeakerInput!', { input: { ...speaker, otherNames: Array(32_767).fill('Fuzz') } }],
    [
      'createSession(input: $input) { id }',
      'CreateSessionInput!',
      { input: { ...session, title: Array.from({ length: 20_000 }, (_, i) => ({ locale: 'en', text: `t${i}` })) } },
    ],
    [
      `updateInterview(id: "${ids.interview}", input: $input) { id }`,
      'UpdateInterviewInput!',
      { input: { sessionId: ids.session, conferenceId: ids.otherConference } },
    ],
  ];
  const windows = Array.from({ length: TOO_MANY_VALUES }, () => ({ startsAt: '2020-11-24T09:00:00Z', endsAt: '2020-11-24T10:00:00Z' }));
  cases.push([`setRoomAvailability(roomId: "${ids.room}", windows: $input) { id }`, '[TimeWindowInput!]!', { input: windows }]);
  const probes = cases.map(([call, inputType, variables]) => {
    const query = `mutation ($input: ${inputType}) { ${call} }`;
    return graphqlPost(`${call.split('(')[0]} with ${JSON.stringify(variables).slice(0, 120)}`, 'organiser', { query, variables });
  });
  // Ids that are not ours, for every mutation that takes an id.
  for (const mutation of [
    'deleteConference',
    'publishConference',
    'deleteSession',
    'cancelSession',
    'publishSession',
    'deleteSpeaker',
    'deleteRoom',
    'deleteTrack',
    'removeAppearance',
    'deleteInterview',
  ]) {
    for (const id of NOT_OURS_IDS) {
      probes.push(
        graphqlPost(`${mutation}(id: ${JSON.stringify(id)})`, 'organiser', {
          query: `mutation ($id: ID!) { ${mutation}(id: $id) { id } }`,
          variables: { id },
        }),
      );
    }
  }
  return probes;
}

/** Reads with odd but well-typed arguments: nothing to refuse necessarily, but nothing may break. */
function oddReadProbes(random: Random): Probe[] {
  const reads: [string, Record<string, unknown>][] = [
    ['query ($s: String!) { conference(slug: $s) { name } }', { s: 'a'.repeat(100_000) }],
    ['query ($s: String!) { speaker(slug: $s) { name } }', { s: random.text(ALMOST_A_MEGABYTE / 4) }],
    ['query ($s: String!) { interview(slug: $s) { title } }', { s: '\u0000' }],
    ...['-1', '2147483648', '99999999999999'].map((id): [string, Record<string, unknown>] => [
      'query ($id: ID!) { session(id: $id) { title } }',
      { id },
    ]),
    ...[-1, 0, 101, INT_OUT_OF_RANGE - 1].map((first): [string, Record<string, unknown>] => [
      'query ($n: Int) { conferences(first: $n) { totalCount } }',
      { n: first },
    ]),
    ...[
      '',
      '!!',
      Buffer.from('position:-1').toString('base64url'),
      Buffer.from('position:99999999999999999999').toString('base64url'),
      'x'.repeat(10_000),
    ].map((after): [string, Record<string, unknown>] => ['query ($a: String) { conferences(after: $a) { totalCount } }', { a: after }]),
    ...BAD_DATES.map((day): [string, Record<string, unknown>] => [
      'query ($f: SessionFilter) { sessions(conferenceSlug: "internetdagarna-2020", filter: $f) { totalCount } }',
      { f: { day: [day] } },
    ]),
    [
      'query ($f: SessionFilter) { sessions(conferenceSlug: "internetdagarna-2020", filter: $f) { totalCount } }',
      { f: { text: random.text(50_000) } },
    ],
    [
      'query ($f: SessionFilter) { sessions(conferenceSlug: "internetdagarna-2020", filter: $f) { totalCount } }',
      { f: { speaker: Array.from({ length: 5_000 }, (_, i) => `s-${i}`) } },
    ],
    [
      'query ($f: SessionFilter) { sessions(conferenceSlug: "internetdagarna-2020", filter: $f) { totalCount } }',
      { f: { text: '%_\\\'"; DROP TABLE sessions; --' } },
    ],
    // Lists longer than a request may hold, up to lengths past what SQLite (32,766) and PostgreSQL
    // (65,535) take as parameters of one statement, and the reported 104 aliases of 990 days.
    ...[TOO_MANY_VALUES, 990, 32_000, 32_767, 65_536].flatMap((length): [string, Record<string, unknown>][] => [
      [
        'query ($f: SessionFilter) { sessions(conferenceSlug: "internetdagarna-2020", filter: $f) { totalCount } }',
        { f: { [random.pick(LIST_FILTERS)]: listOf(length, random) } },
      ],
      [
        'query ($f: SessionFilter) { conference(slug: "internetdagarna-2020") { sessions(filter: $f) { totalCount } calendar(filter: $f) { https } } }',
        { f: { [random.pick(LIST_FILTERS)]: listOf(length, random) } },
      ],
    ]),
    [
      `query ($d: [String!]) { ${Array.from({ length: 104 }, (_, i) => `s${i}: sessions(conferenceSlug: "internetdagarna-2020", filter: { day: $d }) { totalCount }`).join(' ')} }`,
      { d: Array(990).fill('2020-11-24') },
    ],
    ['query ($t: String) { speakers(text: $t) { totalCount } }', { t: '%' }],
    ['query ($l: String) { conferences { edges { node { description(locale: $l) } } } }', { l: random.pick(BAD_LOCALES) }],
    ['query ($l: String) { speakers { edges { node { bio(locale: $l) } } } }', { l: 'x'.repeat(100_000) }],
  ];
  return ROLES.flatMap((role) =>
    reads.map(([query, variables]) =>
      graphqlPost(`${query.slice(0, 60)} with ${JSON.stringify(variables).slice(0, 80)}`, role, { query, variables }, { mayAnswer: true }),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// The HTTP layer of the GraphQL endpoint: bodies, content types, encodings, methods, query strings.

function httpProbes(random: Random): Probe[] {
  const probes: Probe[] = [];
  const raw = (label: string, body: string | Uint8Array, headers: Record<string, string>, mayAnswer = false): Probe => ({
    label,
    method: 'POST',
    path: '/graphql',
    headers,
    body,
    graphql: true,
    mayAnswer,
  });
  const json = { 'content-type': 'application/json' };

  /** Bodies, and whether a valid query may come out of them (a BOM, a repeated key, an extra field). */
  const bodies: [string, boolean][] = [
    ['', false],
    ['{', false],
    ['{"query": ', false],
    ['[]', false],
    ['[{"query": "{ __typename }"}]', false],
    ['null', false],
    ['"{ __typename }"', false],
    ['12', false],
    ['true', false],
    ['{"query": 5}', false],
    ['{"query": null}', false],
    ['{"query": ["{ __typename }"]}', true],
    ['{"query": {"kind": "Document", "definitions": [{"kind": "OperationDefinition"}]}}', false],
    ['{"query": "{ __typename }", "variables": "not json"}', false],
    ['{"query": "{ __typename }", "variables": [1, 2]}', false],
    ['{"query": "{ __typename }", "operationName": 5}', false],
    ['{"query": "{ __typename }", "operationName": "Nope"}', false],
    [
      JSON.stringify({ query: JSON.stringify({ kind: 'Document', definitions: [{ kind: 'OperationDefinition', operation: 'query' }] }) }),
      false,
    ],
    ['{"query": "5"}', false],
    ['{"query": "{ __typename }", "extensions": "x"}', false],
    ['{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}', true],
    ['{"__proto__": {"polluted": true}, "query": "{ __typename }"}', true],
    ['{"constructor": {"prototype": {"polluted": true}}, "query": "{ __typename }"}', true],
    ['{"query": "mutation { createAgenda { token } }", "query": "{ __typename }"}', true],
    ['{"query": "{ __typename }"} trailing', false],
    ['\uFEFF{"query": "{ __typename }"}', true],
    ['{"query": "{ __typename \u0000 }"}', false],
    ['{"query": "1e309"}', false],
    [`{"query": "{ __typename }", "${'k'.repeat(100_000)}": 1}`, true],
    [`${'['.repeat(100_000)}${']'.repeat(100_000)}`, false],
    [`{"query": "{ __typename }", "variables": ${'{"a": '.repeat(10_000)}1${'}'.repeat(10_000)}}`, true],
    [`{"query": "${'{ a '.repeat(3_000)}"}`, false],
    [`{"query": "${'{'.repeat(ALMOST_A_MEGABYTE / 2)}"}`, false],
    [`{"query": "query { ${'conferences { totalCount } '.repeat(400)} }"}`, true],
    [`{"query": "query { ${Array.from({ length: 300 }, (_, i) => `a${i}: conferences(first: 100) { totalCount }`).join(' ')} }"}`, false],
    [`{"query": "${'fragment F on Query { __typename } '.repeat(200)} { ...F }"}`, false],
    ['{"query": "mutation { createAgenda { token } } query { __typename }"}', false],
    ['{"query": "subscription { nope }"}', false],
    [`{"query": "{ conference(slug: \\"${'\\\\u0000'.repeat(1_000)}\\") { name } }"}`, true],
    [JSON.stringify({ query: random.text(ALMOST_A_MEGABYTE / 2) }), false],
  ];
  for (const [body, mayAnswer] of bodies) probes.push(raw(`body ${JSON.stringify(body.slice(0, 60))}`, body, json, mayAnswer));

  const contentTypes = [
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'application/json; charset=latin1',
    'application/json; charset=utf-16',
    'APPLICATION/JSON',
    'application/graphql-response+json',
    'application/json, text/html',
    `application/${'x'.repeat(5_000)}`,
    'application/graphql',
    '',
  ];
  for (const type of contentTypes) {
    const body = type.includes('form')
      ? 'query=%7B__typename%7D'
      : type === 'application/graphql'
        ? 'mutation { nope }'
        : '{"query": "{ __typename }"}';
    probes.push(raw(`content type ${JSON.stringify(type.slice(0, 40))}`, body, type ? { 'content-type': type } : {}, true));
  }

  const invalidUtf8 = [
    Uint8Array.from([0x7b, 0x22, 0x71, 0x75, 0x65, 0x72, 0x79, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
    Uint8Array.from([
      ...Buffer.from('{"query": "{ conference(slug: \\"'),
      0xed,
      0xa0,
      0x80,
      0xf8,
      0x88,
      0x80,
      0x80,
      ...Buffer.from('\\") { name } }"}'),
    ]),
    Uint8Array.from([0xc0, 0xaf, 0xe0, 0x80, 0xaf]),
    Buffer.from('{"query": "{ __typename }"}', 'utf16le'),
  ];
  invalidUtf8.forEach((body, i) => probes.push(raw(`invalid UTF-8 #${i}`, body, json, true)));

  for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']) {
    probes.push({
      label: `${method} /graphql`,
      method,
      path: '/graphql',
      headers: json,
      body: method === 'HEAD' ? undefined : '{"query": "{ __typename }"}',
      graphql: false,
    });
  }

  const queryStrings = [
    '?query=%ZZ',
    '?query=',
    '?query[]=a&query[]=b',
    '?query=%7B__typename%7D&variables=%7Bbad',
    '?query=%7B__typename%7D&variables=%5B1%5D',
    '?query=%7B__typename%7D&variables=null',
    '?query=%7B__typename%7D&operationName[]=x',
    '?query=%7B__typename%7D&extensions=%7B%22persistedQuery%22%3A1%7D',
    `?query=${encodeURIComponent('mutation { createAgenda { token } }')}`,
    `?query=${encodeURIComponent('mutation { deleteConference(id: "1") { id } }')}`,
    '?query=%00',
    '?%00=1',
    `?${Array.from({ length: 1_000 }, (_, i) => `a${i}=${i}`).join('&')}`,
    `?query=${encodeURIComponent(random.text(3_000))}`,
    `?query=${'%7B'.repeat(2_000)}`,
    `?query=${encodeURIComponent('{ conference(slug: "x") { name } }')}&query=${encodeURIComponent('{ __typename }')}`,
    '?query=%7B__typename%7D&__proto__[x]=1',
  ];
  for (const search of queryStrings) {
    for (const role of ROLES) {
      probes.push({
        label: `${role}: GET /graphql${search.slice(0, 60)}`,
        method: 'GET',
        path: `/graphql${search}`,
        headers: roleHeaders(role),
        graphql: true,
        mayAnswer: true,
      });
    }
  }
  // Longer than Node reads request headers: refused before any of our code, without a body.
  probes.push({ label: 'GET with a 20 kB query string', method: 'GET', path: `/graphql?query=${'x'.repeat(20_000)}`, graphql: false });

  const authorizations = [
    'Bearer',
    'Bearer ',
    `Bearer ${'x'.repeat(8_000)}`,
    'Basic Zm9vOmJhcg==',
    `bearer ${ORGANISER_TOKEN} extra`,
    'Bearer \u00ff\u00fe',
    'Bearer null',
    'Token abc',
  ];
  for (const authorization of authorizations) {
    const headers = { ...json, authorization, ...anotherClient() };
    probes.push(raw(`Authorization ${JSON.stringify(authorization.slice(0, 40))}`, '{"query": "{ conferences { totalCount } }"}', headers));
  }
  for (const accept of [
    'application/xml',
    'text/html',
    `application/${'x'.repeat(5_000)}`,
    '*/*;q=abc',
    'application/graphql-response+json;q=0',
  ]) {
    probes.push(raw(`Accept ${JSON.stringify(accept.slice(0, 40))}`, '{"query": "{ __typename }"}', { ...json, accept }, true));
  }
  return probes;
}

// ---------------------------------------------------------------------------------------------
// Subscriptions over WebSocket (graphql-transport-ws): every document goes through the limits
// HTTP's do, and a refusal is an `error` message for that subscription on a connection that
// stays open. Messages that carry no document are Mercurius's to answer; none may break it.

interface SocketProbe {
  label: string;
  /** A message, as JSON, as text or as binary. */
  message: unknown;
  binary?: boolean;
  /** The id of a subscription it starts: it must be answered with an error for that id. */
  refusedAs?: string;
}

let socketProbes = 0;

/** A subscription no server should run: answered with an error for its id. */
function refusedSubscription(label: string, payload: unknown): SocketProbe {
  const id = `fuzz-${++socketProbes}`;
  return { label, message: { id, type: 'subscribe', payload }, refusedAs: id };
}

function subscriptionProbes(schema: Schema, random: Random): SocketProbe[] {
  const probes: SocketProbe[] = [];
  // Wrong arguments for every subscription field, as literals and as variables.
  for (const field of schema.subscriptions) {
    const call = (args: string) => `subscription { ${field.name}${args}${selectionFor(field.type)} }`;
    probes.push(refusedSubscription(`${field.name} with an argument it does not have`, { query: call('(notAnArgument: 1)') }));
    if (field.args.some((arg) => arg.type.kind === 'NON_NULL')) {
      probes.push(refusedSubscription(`${field.name} without its required arguments`, { query: call('') }));
    }
    for (const arg of field.args) {
      for (let attempt = 0; attempt < 3; attempt++) {
        const literal = wrongLiteral(arg.type, schema, random);
        if (literal !== undefined) {
          probes.push(
            refusedSubscription(`${field.name}(${arg.name}: ${literal.slice(0, 80)})`, { query: call(`(${arg.name}: ${literal})`) }),
          );
        }
        const value = wrongJson(arg.type, schema, random);
        if (value === undefined) continue;
        const definitions = field.args.map((a) => `$${a.name}: ${typeText(a.type)}`).join(', ');
        const query = `subscription (${definitions}) { ${field.name}(${field.args.map((a) => `${a.name}: $${a.name}`).join(', ')})${selectionFor(field.type)} }`;
        probes.push(
          refusedSubscription(`${field.name} with $${arg.name} = ${JSON.stringify(value)?.slice(0, 80)}`, {
            query,
            variables: { [arg.name]: value },
          }),
        );
      }
    }
  }

  // Documents past the limits, or that the schema does not allow.
  const changes = 'programmeChanged(conferenceSlug: "internetdagarna-2020")';
  const deep = (levels: number) =>
    `subscription { ${changes} { ${'conference { sessions(first: 1) { edges { node { '.repeat(levels)}title${' } } } }'.repeat(levels)} } }`;
  const documents: [string, unknown][] = [
    ['22 levels deep', { query: deep(5) }],
    ['100,000 levels deep', { query: `subscription ${'{ a '.repeat(100_000)}${'} '.repeat(100_000)}` }],
    ['3,000 tokens', { query: `subscription { ${changes} { ${'kind '.repeat(3_000)}} }` }],
    ['2,000 aliases', { query: `subscription { ${changes} { ${Array.from({ length: 2_000 }, (_, i) => `a${i}: kind`).join(' ')} } }` }],
    [
      'aliases that cost too much',
      {
        query: `subscription { ${changes} { ${Array.from({ length: 60 }, (_, i) => `a${i}: conference { sessions(first: 100) { edges { node { title abstract } } } }`).join(' ')} } }`,
      },
    ],
    [
      'a fragment cycle',
      {
        query: `subscription { ${changes} { ...A } } fragment A on ProgrammeChange { kind ...B } fragment B on ProgrammeChange { at ...A }`,
      },
    ],
    [
      'fragments that multiply',
      {
        query: `subscription { ${changes} { ...F0 } } ${Array.from({ length: 16 }, (_, i) => `fragment F${i} on ProgrammeChange { ...F${i + 1} ...F${i + 1} }`).join(' ')} fragment F16 on ProgrammeChange { kind }`,
      },
    ],
    ['an unknown field', { query: `subscription { ${changes} { kind nope } }` }],
    ['two root fields', { query: `subscription { ${changes} { kind } sessionChanged(id: "1") { kind } }` }],
    ['NUL in the query', { query: `subscription { programmeChanged(conferenceSlug: "a\\u0000b") { kind } }` }],
    [
      'NUL in the variables',
      { query: 'subscription ($s: String!) { programmeChanged(conferenceSlug: $s) { kind } }', variables: { s: 'a\u0000b' } },
    ],
    ['a query', { query: '{ conferences { totalCount } }' }],
    ['a mutation', { query: 'mutation { createAgenda { token } }' }],
    ['two operations, no operationName', { query: `subscription A { ${changes} { kind } } subscription B { ${changes} { at } }` }],
    ['an operationName it does not have', { query: `subscription A { ${changes} { kind } }`, operationName: 'B' }],
    ['an operationName that is a number', { query: `subscription { ${changes} { kind } }`, operationName: 5 }],
    ['variables that are a list', { query: `subscription { ${changes} { kind } }`, variables: [1, 2] }],
    ['variables that are text', { query: `subscription { ${changes} { kind } }`, variables: 'x' }],
    [
      'a syntax tree in place of text',
      { query: { kind: 'Document', definitions: [{ kind: 'OperationDefinition', operation: 'subscription' }] } },
    ],
    ['a number in place of text', { query: 5 }],
    ['no query', {}],
    ['no payload', undefined],
    ['a payload that is text', 'subscription { x }'],
    ['broken GraphQL', { query: `subscription { ${changes} { kind ` }],
    ['half a megabyte of garbage', { query: random.text(500_000) }],
    ['introspection', { query: 'subscription { __schema { types { name } } }' }],
  ];
  for (const [label, payload] of documents) probes.push(refusedSubscription(label, payload));

  // Messages that carry no document: Mercurius answers or ignores them, and carries on.
  const junk: [string, unknown, boolean?][] = [
    ['broken JSON', '{"type": "subscribe", '],
    ['a list', '[]'],
    ['null', 'null'],
    ['a number', '12'],
    ['an unknown type', { type: 'nope', id: 'x' }],
    ['no type', { id: 'x', payload: {} }],
    ['a type that is not text', { type: 5 }],
    ['a complete for no subscription', { type: 'complete', id: 'never-started' }],
    ['a pong nobody asked for', { type: 'pong' }],
    ['binary garbage', Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 37) % 256)), true],
    ['a prototype-polluting message', '{"__proto__": {"polluted": true}, "type": "ping"}'],
  ];
  for (const [label, message, binary] of junk) probes.push({ label, message, binary });
  return probes;
}

type SocketProtocol = 'graphql-transport-ws' | 'graphql-ws';

/**
 * Sends the probes over one connection, in order, each that starts a subscription waiting for its
 * answer (on the legacy graphql-ws protocol, `subscribe` is `start`); then sends a message of a
 * type no protocol has, which an open connection answers with an error for its id.
 */
async function sendOverWebSocket(lectern: Lectern, role: Role, protocol: SocketProtocol, probes: SocketProbe[]): Promise<Failure[]> {
  const failures: Failure[] = [];
  const fail = (label: string, problem: string, answer: unknown) =>
    failures.push({ probe: `${protocol} ${role}: ${label}`, status: 0, problem, answer: JSON.stringify(answer)?.slice(0, 300) ?? '' });
  const socket = new WebSocket(`${lectern.url.replace('http', 'ws')}/graphql`, protocol);
  const messages: any[] = [];
  const waiting: (() => void)[] = [];
  let closed: number | undefined;
  socket.on('message', (data) => {
    const text = String(data);
    if (LEAKS.test(text)) fail('a message', 'leaks internals', text);
    messages.push(JSON.parse(text));
    waiting.splice(0).forEach((wake) => wake());
  });
  socket.on('close', (code) => {
    closed = code;
    waiting.splice(0).forEach((wake) => wake());
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  /** The first message that passes `wanted`, or undefined if the connection closes first. */
  const first = async (wanted: (message: any) => boolean, within = 60_000): Promise<any> => {
    const until = Date.now() + within;
    for (;;) {
      const found = messages.find(wanted);
      if (found || closed !== undefined || Date.now() >= until) return found;
      await new Promise<void>((wake) => {
        waiting.push(wake);
        setTimeout(wake, until - Date.now());
      });
    }
  };
  const send = ({ message, binary }: Pick<SocketProbe, 'message' | 'binary'>) => {
    const legacy = protocol === 'graphql-ws' && (message as { type?: unknown } | null)?.type === 'subscribe';
    const text = typeof message === 'string' ? message : JSON.stringify(legacy ? { ...(message as object), type: 'start' } : message);
    socket.send(binary ? (message as Buffer) : text);
  };

  send({ message: { type: 'connection_init', payload: role === 'organiser' ? { authorization: `Bearer ${ORGANISER_TOKEN}` } : {} } });
  if (!(await first((message) => message.type === 'connection_ack'))) fail('connection_init', 'not acknowledged', messages);
  let accepted = 0;
  for (const probe of probes) {
    if (closed !== undefined) {
      fail(probe.label, `connection closed (${closed})`, messages.at(-1));
      break;
    }
    send(probe);
    if (!probe.refusedAs) continue;
    // A refusal comes at once; a subscription that is running says nothing (nothing changes here).
    const answer = await first((message) => message.id === probe.refusedAs, 2_000);
    if (!answer) {
      if (closed === undefined) fail(probe.label, 'accepted', probe.message);
      if (++accepted === 2) break;
      continue;
    }
    const errors = answer.payload;
    if (answer.type !== 'error') fail(probe.label, `answered ${answer.type}`, answer);
    else if (!Array.isArray(errors) || errors.length === 0) fail(probe.label, 'an error without errors', answer);
    else if (errors.some((error: any) => typeof error.message !== 'string' || error.message === ''))
      fail(probe.label, 'error without a message', answer);
    else if (errors.some((error: any) => error.extensions?.code === 'INTERNAL_SERVER_ERROR')) fail(probe.label, 'internal error', answer);
  }
  send({ message: { id: 'still-there', type: 'still-there?' } });
  if (!(await first((message) => message.id === 'still-there'))) fail('after the probes', `connection closed (${closed})`, messages.at(-1));
  socket.close();
  return failures;
}

// ---------------------------------------------------------------------------------------------
// Every other route Fastify has, with garbage parameters, query strings, headers and methods.

/** `printRoutes()` draws a tree of path segments; this reads back each route's full path and methods. */
function listRoutes(tree: string): { path: string; methods: string[] }[] {
  const routes: { path: string; methods: string[] }[] = [];
  const parents: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const level = match[1].length / 4;
    const path = (parents[level - 1] ?? '') + match[2];
    parents[level] = path;
    parents.length = level + 1;
    if (match[3]) routes.push({ path, methods: match[3].split(', ') });
  }
  return routes;
}

async function routeProbes(lectern: Lectern, random: Random): Promise<Probe[]> {
  const routes = listRoutes(lectern.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false }));
  expect(routes.map((route) => route.path)).toEqual(expect.arrayContaining(['/graphql', '/graphiql']));

  const known =
    await lectern.ok(`{ conferences { edges { node { slug rooms { slug } tracks { slug } sessions(first: 3) { edges { node { id } } } } } }
    speakers(first: 3) { edges { node { slug } } } }`);
  const realValues: string[] = [
    ...known.conferences.edges.flatMap(({ node }: any) => [
      node.slug,
      ...node.rooms.map((room: any) => room.slug),
      ...node.tracks.map((track: any) => track.slug),
      ...node.sessions.edges.map((edge: any) => edge.node.id),
    ]),
    ...known.speakers.edges.map((edge: any) => edge.node.slug),
  ];
  const garbageValues = [
    'x',
    '0',
    '-1',
    '999999999',
    '2147483648',
    '99999999999999',
    'a%00b',
    'x'.repeat(101),
    'x'.repeat(3_000),
    '%00',
    '..%2F..%2Fetc%2Fpasswd',
    '%2e%2e',
    '%E0%A4%A',
    '%ZZ',
    encodeURIComponent('Ünïcödé 🎤'),
    encodeURIComponent("1' OR '1'='1"),
    encodeURIComponent('<script>alert(1)</script>'),
    'NaN',
    '1e3',
    'CON',
  ];
  const parameterValue = () => (random.chance(0.4) ? encodeURIComponent(random.pick(realValues)) : random.pick(garbageValues));
  const queryStrings = [
    '',
    '?locale=en',
    '?locale=not-a-locale!!',
    '?multiday=sometimes',
    '?track=a&track=a&format=NOPE',
    '?day=2020-02-30',
    `?text=${'x'.repeat(500)}`,
    `?${Array.from({ length: 30 }, (_, i) => `speaker=s${i}`).join('&')}`,
    '?unknown=1',
    '?locale=en&locale=sv',
    '?%ZZ=1',
    '?status[]=CONFIRMED',
    '?__proto__[x]=1',
    '?text=a%00b',
    '?locale=%00',
  ];
  const headerSets: Record<string, string>[] = [
    {},
    { 'if-none-match': '"garbage"' },
    { 'if-none-match': 'x'.repeat(8_000) },
    { 'if-modified-since': 'not a date' },
    { 'if-modified-since': 'Wed, 21 Oct 2999 07:28:00 GMT' },
    { 'accept-language': 'x'.repeat(4_000) },
    { range: 'bytes=abc-def' },
    { accept: 'application/xml' },
    roleHeaders('organiser'),
  ];
  const wrongToken = () => ({ authorization: 'Bearer wrong', ...anotherClient() });

  const probes: Probe[] = [];
  for (const route of routes.filter((route) => route.path !== '/graphql')) {
    const concrete = () =>
      route.path
        .replace(/:[A-Za-z0-9_]+/g, parameterValue)
        .replace(/^\*$/, () => `/${random.pick(['x', '', '%00', '..%2F', 'graphql', 'calendars/x.ics'])}`);
    for (const value of garbageValues) {
      const path = route.path.replace(/:[A-Za-z0-9_]+/g, value).replace(/^\*$/, `/${value}`);
      probes.push({ label: `GET ${path.slice(0, 100)}`, method: 'GET', path, graphql: false });
    }
    for (let i = 0; i < 20; i++) {
      const path = `${concrete()}${random.pick(queryStrings)}`;
      const method = random.chance(0.75) ? random.pick(route.methods) : random.pick(['POST', 'PUT', 'DELETE', 'PATCH']);
      const hasBody = !['GET', 'HEAD', 'OPTIONS'].includes(method);
      probes.push({
        label: `${method} ${path.slice(0, 100)}`,
        method,
        path,
        headers: {
          ...(random.chance(0.1) ? wrongToken() : random.pick(headerSets)),
          ...(hasBody ? { 'content-type': random.pick(['application/json', 'text/plain', 'application/xml']) } : {}),
        },
        body: hasBody ? random.pick(['{', '{"a": 1}', random.text(1_000), '['.repeat(50_000)]) : undefined,
        graphql: false,
      });
    }
  }
  for (const path of [
    '/',
    '/graphql/',
    '/GRAPHQL',
    '/graphql/../graphql',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/graphiql/../../package.json',
    `/${'x'.repeat(10_000)}`,
    '/calendars/',
  ]) {
    probes.push({ label: `GET ${path.slice(0, 60)}`, method: 'GET', path, graphql: false });
  }
  return probes;
}

// ---------------------------------------------------------------------------------------------
// The database, table by table: row count and a checksum of the rows.

async function snapshot(dataSource: DataSource): Promise<Record<string, { rows: number; checksum: string }>> {
  const tables: Record<string, { rows: number; checksum: string }> = {};
  for (const entity of dataSource.entityMetadatas) {
    // An access token's last use is recorded on purpose whenever the organiser token is used.
    const columns = entity.columns.filter((column) => column.propertyName !== 'lastUsedAt').map((column) => `"${column.databaseName}"`);
    const rows: unknown[] = await dataSource.query(`SELECT ${columns.join(', ')} FROM "${entity.tableName}"`);
    const lines = rows.map((row) => JSON.stringify(row)).sort();
    tables[entity.tableName] = { rows: rows.length, checksum: createHash('sha256').update(lines.join('\n')).digest('hex') };
  }
  return tables;
}

// ---------------------------------------------------------------------------------------------

interface Failure {
  probe: string;
  status: number;
  problem: string;
  answer: string;
}

async function send(lectern: Lectern, probe: Probe): Promise<Failure | undefined> {
  const fail = (status: number, problem: string, answer: string): Failure => ({
    probe: probe.label,
    status,
    problem,
    answer: answer.slice(0, 300),
  });
  let response: Response;
  try {
    response = await fetch(`${lectern.url}${probe.path}`, {
      method: probe.method,
      headers: probe.headers,
      body: probe.body as BodyInit | undefined,
      redirect: 'manual',
    });
  } catch (error) {
    return fail(0, `no answer: ${(error as Error).message}`, '');
  }
  const text = await response.text();
  if (response.status >= 500) return fail(response.status, 'server error', text);
  if (LEAKS.test(text) && !response.headers.get('content-type')?.startsWith('text/calendar'))
    return fail(response.status, 'leaks internals', text);
  if (!probe.graphql)
    return response.status >= 400 || response.ok || response.status === 304 || isOwnRedirect(response)
      ? undefined
      : fail(response.status, 'unexpected status', text);

  let body: { data?: unknown; errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
  try {
    body = JSON.parse(text);
  } catch {
    return fail(response.status, 'not JSON', text);
  }
  if (body.errors?.some((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR'))
    return fail(response.status, 'internal error', text);
  if (body.errors?.some((error) => typeof error.message !== 'string' || error.message === ''))
    return fail(response.status, 'error without a message', text);
  if (!probe.mayAnswer && !body.errors?.length) return fail(response.status, 'accepted', text);
  return undefined;
}

async function sendAll(lectern: Lectern, probes: Probe[]): Promise<Failure[]> {
  const failures: Failure[] = [];
  let next = 0;
  const worker = async () => {
    while (next < probes.length) {
      const failure = await send(lectern, probes[next++]);
      if (failure) failures.push(failure);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failures;
}

describe(`fuzzing every endpoint (FUZZ_SEED=${SEED})`, () => {
  let lectern: Lectern;
  beforeAll(async () => {
    lectern = await startLectern({ RATE_LIMIT: 'off', CONSOLE_DIR: builtConsole() });
    await lectern.app.get(DemoLoader).load();
    speakerHeaders = (await signInSpeaker(lectern, 1)).headers;
  });
  afterAll(() => lectern.close());

  it('never answers with a server error, always clearly, and changes nothing', async () => {
    const random = new Random(SEED);
    const dataSource = lectern.app.get(DataSource);
    // One organiser request first, so the token's first use is recorded before the snapshot.
    await lectern.ok('{ __typename }', {}, { as: 'organiser' });
    // Every public session's calendar entry is kept once it is first shown in a feed (the
    // ledger's bookkeeping, not a change): show them all first, so a probe that reads a real feed
    // finds them kept.
    const { conferences } = await lectern.ok('{ conferences(first: 100) { edges { node { slug } } } }');
    for (const { node } of conferences.edges)
      expect((await fetch(`${lectern.url}/calendars/conferences/${node.slug}.ics`)).status).toBe(200);
    const before = await snapshot(dataSource);
    expect(Object.keys(before).length).toBeGreaterThan(5);

    const schema = await readSchema(lectern);
    const ids = await readIds(lectern);
    const probes = [
      ...wrongArgumentProbes(schema, random),
      ...refusedInputProbes(ids, random),
      ...oddReadProbes(random),
      ...httpProbes(random),
      ...(await routeProbes(lectern, random)),
    ];
    expect(probes.length).toBeGreaterThanOrEqual(500);

    const failures = await sendAll(lectern, probes);
    const overWebSocket = subscriptionProbes(schema, random);
    expect(overWebSocket.length).toBeGreaterThanOrEqual(50);
    for (const [role, protocol] of [
      ['public', 'graphql-transport-ws'],
      ['organiser', 'graphql-transport-ws'],
      ['public', 'graphql-ws'],
    ] as const) {
      failures.push(...(await sendOverWebSocket(lectern, role, protocol, overWebSocket)));
    }
    expect(failures).toEqual([]);
    expect(await snapshot(dataSource)).toEqual(before);
  });
});

/** A redirect to another of Lectern's own pages (the speaker's page sends a visitor without a session to sign in). */
function isOwnRedirect(response: Response): boolean {
  const location = response.headers.get('location');
  return [301, 302, 303, 307, 308].includes(response.status) && location !== null && location.startsWith('/');
}
