import FeedParser from 'feedparser';
import ICAL from 'ical.js';
import { parseFragment } from 'parse5';
import { Lectern, startLectern } from '../support/lectern';

const BASE = 'https://lectern.example.org';

const RELEASE = `mutation ($slug: String!, $name: String!, $note: String) {
  releaseSchedule(conferenceSlug: $slug, name: $name, note: $note) { version name note releasedAt releasedBy }
}`;
const CHANGELOG_FIELDS = `fromVersion toVersion
  added { uid title } removed { uid title } cancelled { uid title }
  moved { session { uid } from { startsAt endsAt room } to { startsAt endsAt room } }
  retitled { session { uid } from to }
  speakersAdded { session { uid } speaker { speakerSlug role } } speakersRemoved { session { uid } speaker { speakerSlug } }
  changed { uid } summary`;

interface AtomEntry {
  title: string;
  link: string;
  description: string;
  summary: string;
  date: Date;
}

function parseAtom(xml: string): Promise<{ meta: FeedParser.Meta; entries: AtomEntry[] }> {
  return new Promise((resolve, reject) => {
    const parser = new FeedParser({});
    const entries: AtomEntry[] = [];
    parser.on('error', reject);
    parser.on('readable', () => {
      let item: FeedParser.Item | null;
      while ((item = parser.read())) entries.push(item as unknown as AtomEntry);
    });
    parser.on('end', () => resolve({ meta: parser.meta, entries }));
    parser.end(xml);
  });
}

/** The text a reader sees of an entry's HTML content, with the links' targets. */
function readHtml(html: string): { text: string; links: string[] } {
  const texts: string[] = [];
  const links: string[] = [];
  const walk = (node: any) => {
    if (node.nodeName === '#text') texts.push(node.value);
    if (node.nodeName === 'a') links.push(node.attrs.find((a: any) => a.name === 'href').value);
    if (node.nodeName === 'li' || node.nodeName === 'p') texts.push('\n');
    (node.childNodes ?? []).forEach(walk);
  };
  walk(parseFragment(html));
  return { text: texts.join(''), links };
}

/** Schedule releases: the publish block, changelogs across three releases, pinned feeds and queries, the Atom feed. */
describe('schedule releases', () => {
  let lectern: Lectern;
  let conferenceId: string;
  const slug = 'teknologi-2021';
  const ids: Record<string, string> = {};
  const uids: Record<string, string> = {};
  const rooms: Record<string, string> = {};
  const speakers: Record<string, string> = {};

  beforeAll(async () => {
    lectern = await startLectern({ PUBLIC_BASE_URL: BASE });
    const { createConference } = await organiser(`mutation ($input: CreateConferenceInput!) { createConference(input: $input) { id } }`, {
      input: {
        slug,
        name: 'Teknologi og politikk 2021',
        startDate: '2021-08-18',
        endDate: '2021-08-19',
        timeZone: 'Europe/Oslo',
        defaultLocale: 'nb',
      },
    });
    conferenceId = createConference.id;
    for (const room of ['sal-a', 'sal-b']) {
      rooms[room] = (
        await organiser(
          `mutation { createRoom(input: { conferenceId: "${conferenceId}", slug: "${room}", name: "${room.toUpperCase()}" }) { id } }`,
        )
      ).createRoom.id;
    }
    for (const person of ['kari', 'ola', 'per', 'siri', 'nora']) {
      speakers[person] = (
        await organiser(`mutation ($input: CreateSpeakerInput!) { createSpeaker(input: $input) { id } }`, {
          input: { slug: person, name: person[0].toUpperCase() + person.slice(1), bio: [{ locale: 'nb', text: 'Taler.' }] },
        })
      ).createSpeaker.id;
    }
    await session('opening', 'Åpning', '10:00', '10:30', 'sal-a', 'kari');
    await session('debate', 'Debatt', '11:00', '11:30', 'sal-a', 'ola');
    await session('closing', 'Avslutning', '12:00', '12:30', 'sal-a', 'per');
    await session('extra', 'Ekstra', '14:00', '14:30', 'sal-b', 'nora', false);
  });
  afterAll(() => lectern.close());

  function organiser(query: string, variables?: Record<string, unknown>) {
    return lectern.ok(query, variables, { as: 'organiser' });
  }
  async function session(key: string, title: string, from: string, to: string, room: string, speaker: string, published = true) {
    const { createSession } = await organiser(`mutation ($input: CreateSessionInput!) { createSession(input: $input) { id uid } }`, {
      input: {
        conferenceId,
        title: [{ locale: 'nb', text: title }],
        format: 'TALK',
        language: 'nb',
        startsAt: `2021-08-18T${from}:00+02:00`,
        endsAt: `2021-08-18T${to}:00+02:00`,
        roomId: rooms[room],
      },
    });
    ids[key] = createSession.id;
    uids[key] = createSession.uid;
    await organiser(`mutation { addAppearance(input: { sessionId: "${createSession.id}", speakerId: "${speakers[speaker]}" }) { id } }`);
    if (published) await organiser(`mutation { publishSession(id: "${createSession.id}") { id } }`);
  }
  const release = async (version: number) =>
    (
      await lectern.ok(
        `query ($slug: String!, $version: Int!) { scheduleRelease(conferenceSlug: $slug, version: $version) { version name changelog { ${CHANGELOG_FIELDS} } } }`,
        { slug, version },
      )
    ).scheduleRelease;
  async function feed(path: string) {
    const response = await fetch(`${lectern.url}${path}`);
    const text = await response.text();
    if (response.status !== 200) return { status: response.status, text, events: [] as ICAL.Event[] };
    const calendar = new ICAL.Component(ICAL.parse(text));
    return { status: 200, text, events: calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)) };
  }
  const startOf = (events: ICAL.Event[], key: string) => {
    const event = events.find((e) => e.uid === `${uids[key]}@lectern`);
    return event ? new Date(event.startDate.toUnixTime() * 1000).toISOString() : undefined;
  };

  it('refuses a release of a draft conference, and while an ERROR conflict touches a published session', async () => {
    const draft = await lectern.graphql(RELEASE, { slug, name: 'v1' }, { as: 'organiser' });
    expect(draft.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'conferenceSlug' });
    await organiser(`mutation { publishConference(id: "${conferenceId}") { id } }`);

    // A published session double-booked in Sal A: refused, with the list.
    await organiser(`mutation { updateSession(id: "${ids.debate}", input: { startsAt: "2021-08-18T10:15:00+02:00" }) { id } }`);
    const refused = await lectern.graphql(RELEASE, { slug, name: 'v1' }, { as: 'organiser' });
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toContain('are both in SAL-A at the same time');
    expect(refused.errors?.[0].extensions?.problems?.map((p) => p.field)).toEqual(['conflicts.ROOM_DOUBLE_BOOKED']);
    expect((await lectern.ok(`{ scheduleReleases(conferenceSlug: "${slug}") { version } }`)).scheduleReleases).toEqual([]);

    // A clash among drafts alone, and warnings, do not block.
    await organiser(`mutation { updateSession(id: "${ids.debate}", input: { startsAt: "2021-08-18T11:00:00+02:00" }) { id } }`);
    const draftClash = (
      await organiser(`mutation ($input: CreateSessionInput!) { createSession(input: $input) { id } }`, {
        input: {
          conferenceId,
          title: [{ locale: 'nb', text: 'Utkast' }],
          format: 'WORKSHOP',
          language: 'nb',
          startsAt: '2021-08-18T14:00:00+02:00',
          endsAt: '2021-08-18T14:15:00+02:00',
          roomId: rooms['sal-b'],
        },
      })
    ).createSession.id;
    const { releaseSchedule } = await organiser(RELEASE, { slug, name: 'v1 — første program', note: 'Det første programmet.' });
    expect(releaseSchedule).toMatchObject({
      version: 1,
      name: 'v1 — første program',
      note: 'Det første programmet.',
      releasedBy: 'Test Admin',
    });
    await organiser(`mutation { deleteSession(id: "${draftClash}") { id } }`);

    const publicView = await lectern.ok(`{ scheduleReleases(conferenceSlug: "${slug}") { version releasedBy } }`);
    expect(publicView.scheduleReleases).toEqual([{ version: 1, releasedBy: null }]);
  });

  it('gives the first release a changelog of everything published, and nothing of drafts', async () => {
    const first = await release(1);
    expect(first.changelog.fromVersion).toBeNull();
    expect(first.changelog.added.map((s: any) => s.title).sort()).toEqual(['Avslutning', 'Debatt', 'Åpning']);
    expect(first.changelog).toMatchObject({ removed: [], cancelled: [], moved: [], retitled: [], speakersAdded: [], speakersRemoved: [] });
  });

  it('lists every kind of change in the second release: added, moved, retitled, cancelled, speakers added and removed', async () => {
    await organiser(
      `mutation { updateSession(id: "${ids.opening}", input: { startsAt: "2021-08-18T13:00:00+02:00", endsAt: "2021-08-18T13:30:00+02:00", roomId: "${rooms['sal-b']}" }) { id } }`,
    );
    await organiser(`mutation { updateSession(id: "${ids.debate}", input: { title: [{ locale: "nb", text: "Stor debatt" }] }) { id } }`);
    await organiser(`mutation { cancelSession(id: "${ids.closing}") { id } }`);
    await organiser(
      `mutation { addAppearance(input: { sessionId: "${ids.debate}", speakerId: "${speakers.siri}", role: SPEAKER }) { id } }`,
    );
    const { session } = await organiser(`{ session(id: "${ids.debate}") { appearances { id speaker { slug } } } }`);
    const ola = session.appearances.find((a: any) => a.speaker.slug === 'ola');
    await organiser(`mutation { removeAppearance(id: "${ola.id}") { id } }`);
    await organiser(`mutation { publishSession(id: "${ids.extra}") { id } }`);
    await organiser(RELEASE, { slug, name: 'v2 — åpningen flyttet' });

    const { changelog } = await release(2);
    expect(changelog.fromVersion).toBe(1);
    expect(changelog.toVersion).toBe(2);
    expect(changelog.added.map((s: any) => s.uid)).toEqual([uids.extra]);
    expect(changelog.removed).toEqual([]);
    expect(changelog.cancelled.map((s: any) => s.uid)).toEqual([uids.closing]);
    expect(changelog.moved).toEqual([
      {
        session: { uid: uids.opening },
        from: { startsAt: '2021-08-18T08:00:00.000Z', endsAt: '2021-08-18T08:30:00.000Z', room: 'SAL-A' },
        to: { startsAt: '2021-08-18T11:00:00.000Z', endsAt: '2021-08-18T11:30:00.000Z', room: 'SAL-B' },
      },
    ]);
    expect(changelog.retitled).toEqual([{ session: { uid: uids.debate }, from: 'Debatt', to: 'Stor debatt' }]);
    expect(changelog.speakersAdded).toEqual([{ session: { uid: uids.debate }, speaker: { speakerSlug: 'siri', role: 'SPEAKER' } }]);
    expect(changelog.speakersRemoved).toEqual([{ session: { uid: uids.debate }, speaker: { speakerSlug: 'ola' } }]);
    expect(changelog.changed.map((s: any) => s.uid).sort()).toEqual([uids.opening, uids.debate, uids.closing, uids.extra].sort());
    expect(changelog.summary).toContain(
      'Moved: "Åpning", from Wed 18 Aug 2021 10:00–10:30 (Europe/Oslo), SAL-A to Wed 18 Aug 2021 13:00–13:30 (Europe/Oslo), SAL-B.',
    );
  });

  it('lists removals in the third release: a deleted and a withdrawn session, and leaves the earlier changelogs as they were', async () => {
    await organiser(`mutation { deleteSession(id: "${ids.closing}") { id } }`);
    await organiser(`mutation { unpublishSession(id: "${ids.extra}") { id } }`);
    await organiser(RELEASE, { slug, name: 'v3' });
    const { changelog } = await release(3);
    expect(changelog.removed.map((s: any) => s.uid).sort()).toEqual([uids.closing, uids.extra].sort());
    expect(changelog).toMatchObject({
      added: [],
      cancelled: [],
      moved: [],
      retitled: [],
      speakersAdded: [],
      speakersRemoved: [],
      changed: [],
    });
    expect((await release(2)).changelog.moved).toHaveLength(1);

    const { scheduleReleases } = await lectern.ok(`{ scheduleReleases(conferenceSlug: "${slug}") { version name } }`);
    expect(scheduleReleases.map((r: any) => r.version)).toEqual([3, 2, 1]);
  });

  it('pins feeds and queries to a release on request, and by default once the organiser chooses to follow releases', async () => {
    // A live change that is not released yet.
    await organiser(
      `mutation { updateSession(id: "${ids.debate}", input: { startsAt: "2021-08-18T15:00:00+02:00", endsAt: "2021-08-18T15:30:00+02:00" }) { id } }`,
    );
    const debateLive = '2021-08-18T13:00:00.000Z';
    const debateReleased = '2021-08-18T09:00:00.000Z';

    const live = await feed(`/calendars/conferences/${slug}.ics`);
    expect(startOf(live.events, 'debate')).toBe(debateLive);
    const first = await feed(`/calendars/conferences/${slug}.ics?release=1`);
    expect(startOf(first.events, 'opening')).toBe('2021-08-18T08:00:00.000Z');
    expect(startOf(first.events, 'closing')).toBe('2021-08-18T10:00:00.000Z');
    expect(startOf(first.events, 'extra')).toBeUndefined();
    expect(startOf((await feed(`/calendars/conferences/${slug}.ics?release=latest`)).events, 'debate')).toBe(debateReleased);
    const roomFeed = await feed(`/calendars/conferences/${slug}/rooms/sal-a.ics?release=1`);
    expect(roomFeed.events.map((e) => e.summary).sort()).toEqual(['Avslutning', 'Debatt', 'Åpning']);
    const filtered = await feed(`/calendars/conferences/${slug}.ics?release=2&speaker=siri`);
    expect(filtered.events.map((e) => e.summary)).toEqual(['Stor debatt']);
    // Text is matched as the live index matches it: a word's start, or any part of a speaker's name.
    const searched = async (query: string) =>
      (await feed(`/calendars/conferences/${slug}.ics?release=2&${query}`)).events.map((e) => e.summary).sort();
    expect(await searched('text=stor')).toEqual(['Stor debatt']);
    expect(await searched('text=ebatt')).toEqual([]);
    expect(await searched('text=iri')).toEqual(['Stor debatt']);
    expect(await searched(`text=${encodeURIComponent('"stor" * (')}`)).toEqual(['Stor debatt']);

    expect((await feed(`/calendars/conferences/${slug}.ics?release=nine`)).status).toBe(400);
    expect((await feed(`/calendars/conferences/${slug}.ics?release=9`)).status).toBe(404);
    expect((await feed(`/calendars/speakers/kari.ics?release=1`)).status).toBe(400);

    const programme = (release?: string) =>
      lectern.ok(
        `query ($slug: String!, $release: String) { releasedProgramme(conferenceSlug: $slug, release: $release) { release { version } sessions { uid startsAt title } } }`,
        { slug, release },
      );
    expect((await programme()).releasedProgramme.release).toBeNull();
    expect((await programme()).releasedProgramme.sessions.find((s: any) => s.uid === uids.debate).startsAt).toBe(debateLive);

    const { updateConference } = await organiser(
      `mutation { updateConference(id: "${conferenceId}", input: { programmeFollows: LATEST_RELEASE }) { programmeFollows } }`,
    );
    expect(updateConference.programmeFollows).toBe('LATEST_RELEASE');
    expect(startOf((await feed(`/calendars/conferences/${slug}.ics`)).events, 'debate')).toBe(debateReleased);
    expect(startOf((await feed(`/calendars/conferences/${slug}.ics?release=live`)).events, 'debate')).toBe(debateLive);
    const followed = (await programme()).releasedProgramme;
    expect(followed.release).toEqual({ version: 3 });
    expect(followed.sessions.find((s: any) => s.uid === uids.debate)).toEqual({
      uid: uids.debate,
      startsAt: debateReleased,
      title: 'Stor debatt',
    });
    expect((await programme('live')).releasedProgramme.sessions.find((s: any) => s.uid === uids.debate).startsAt).toBe(debateLive);

    const bad = await lectern.graphql(`{ releasedProgramme(conferenceSlug: "${slug}", release: "newest") { release { version } } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'release' });
  });

  it('tells machines what changed since a release, or since a moment', async () => {
    const since = (
      await lectern.ok(`query ($slug: String!) { changesSince(conferenceSlug: $slug, version: 1, to: "latest") { ${CHANGELOG_FIELDS} } }`, {
        slug,
      })
    ).changesSince;
    expect(since).toMatchObject({ fromVersion: 1, toVersion: 3 });
    expect(since.removed.map((s: any) => s.uid).sort()).toEqual([uids.closing]);
    expect(since.moved.map((m: any) => m.session.uid)).toEqual([uids.opening]);

    // The conference follows its latest release, so "since release 3" has nothing until the live programme is asked for.
    const sinceLatest = (await lectern.ok(`{ changesSince(conferenceSlug: "${slug}", version: 3) { toVersion changed { uid } } }`))
      .changesSince;
    expect(sinceLatest).toEqual({ toVersion: 3, changed: [] });
    const toLive = (await lectern.ok(`{ changesSince(conferenceSlug: "${slug}", version: 3, to: "live") { ${CHANGELOG_FIELDS} } }`))
      .changesSince;
    expect(toLive.toVersion).toBeNull();
    expect(toLive.moved.map((m: any) => m.session.uid)).toEqual([uids.debate]);

    const moment = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await organiser(`mutation { updateSession(id: "${ids.opening}", input: { title: [{ locale: "nb", text: "Velkommen" }] }) { id } }`);
    const recent = (
      await lectern.ok(
        `query ($slug: String!, $since: DateTime!) { changesSince(conferenceSlug: $slug, since: $since, to: "live") { since fromVersion ${CHANGELOG_FIELDS} } }`,
        { slug, since: moment },
      )
    ).changesSince;
    expect(recent.fromVersion).toBe(3);
    expect(recent.changed.map((s: any) => s.uid)).toEqual([uids.opening]);
    expect(recent.retitled).toEqual([{ session: { uid: uids.opening }, from: 'Åpning', to: 'Velkommen' }]);
    expect(recent.moved).toEqual([]);

    const both = await lectern.graphql(
      `{ changesSince(conferenceSlug: "${slug}", version: 1, since: "2021-01-01T00:00:00Z") { toVersion } }`,
    );
    expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await lectern.graphql(`{ changesSince(conferenceSlug: "${slug}", version: 42) { toVersion } }`);
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'version' });
  });

  it('publishes an Atom feed of the releases, newest first, each with its changelog in words', async () => {
    const response = await fetch(`${lectern.url}/feeds/conferences/${slug}/changes.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const { meta, entries } = await parseAtom(await response.text());
    expect(meta.title).toBe('Teknologi og politikk 2021: schedule releases');
    expect(entries.map((e) => e.title)).toEqual(['Release 3: v3', 'Release 2: v2 — åpningen flyttet', 'Release 1: v1 — første program']);
    expect(entries.map((e) => e.link)).toEqual([3, 2, 1].map((v) => `${BASE}/calendars/conferences/${slug}.ics?release=${v}`));
    const [third, second, first] = entries.map((entry) => readHtml(entry.description));
    expect(third.text).toContain('Removed: "Avslutning", was Wed 18 Aug 2021 12:00–12:30 (Europe/Oslo), SAL-A.');
    expect(third.links).toEqual([`${BASE}/calendars/conferences/${slug}.ics?release=3`, `${BASE}/calendars/conferences/${slug}.ics`]);
    expect(second.text).toContain(
      'Moved: "Åpning", from Wed 18 Aug 2021 10:00–10:30 (Europe/Oslo), SAL-A to Wed 18 Aug 2021 13:00–13:30 (Europe/Oslo), SAL-B.',
    );
    expect(second.text).toContain('Retitled: "Debatt" is now "Stor debatt".');
    expect(second.text).toContain('Cancelled: "Avslutning"');
    expect(second.text).toContain('Speaker added: Siri in "Stor debatt".');
    expect(second.text).toContain('Speaker removed: Ola from "Stor debatt".');
    expect(first.text).toContain('Det første programmet.');
    expect(first.text).toContain('Added: "Debatt", Wed 18 Aug 2021 11:00–11:30 (Europe/Oslo), SAL-A.');

    expect((await fetch(`${lectern.url}/feeds/conferences/no-such-conference/changes.xml`)).status).toBe(404);
  });
});
