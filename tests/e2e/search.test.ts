import { DataSource } from 'typeorm';
import { Search1700000000006 } from '../../migrations/1700000000006-search';
import { Lectern, startLectern } from '../support/lectern';
import { ConferenceRef, ProgrammeBuilder, programmeBuilder, SessionRef, Texts } from '../support/programme';

/**
 * Full-text search of sessions and speakers through the engine's index, as readers and organisers
 * see it: which sessions and people a text finds, how the index follows every change, and that
 * no text a reader can type breaks the query.
 */

const SLUG = 'sokdagarna-2024';
const OPEN_DATA = 'Internetdagarna: öppna data i kommunen';
const SECURITY = 'Säkerhet på nätet';
const DRAFT = 'Hemligt utkast om internet';

const SESSIONS = `query ($slug: String!, $text: String) {
  sessions(conferenceSlug: $slug, filter: { text: $text }) { totalCount edges { node { title(locale: "sv") } } }
}`;
const SPEAKERS = `query ($text: String) { speakers(text: $text) { totalCount edges { node { name } } } }`;

describe('full-text search', () => {
  let lectern: Lectern;
  let build: ProgrammeBuilder;
  let conference: ConferenceRef;
  let openData: SessionRef;
  let security: SessionRef;

  const organiser = (query: string, variables?: Record<string, unknown>) => lectern.ok(query, variables, { as: 'organiser' });

  /** The titles a reader (or the organiser) finds with this text; fails on any error. */
  const titles = async (text: string, as?: 'organiser'): Promise<string[]> => {
    const data = await lectern.ok(SESSIONS, { slug: SLUG, text }, { as });
    return data.sessions.edges.map((edge: { node: { title: string } }) => edge.node.title);
  };
  const names = async (text: string, as?: 'organiser'): Promise<string[]> => {
    const data = await lectern.ok(SPEAKERS, { text }, { as });
    return data.speakers.edges.map((edge: { node: { name: string } }) => edge.node.name);
  };

  /** A talk on the conference's one day, at this hour (HH:MM) until a quarter to the next. */
  const createSession = (title: Texts, abstract: Texts, startsAt: string, published = true) =>
    build.session(conference, {
      title,
      abstract,
      startsAt: `2024-11-05T${startsAt}:00+01:00`,
      endsAt: `2024-11-05T${startsAt.slice(0, 2)}:45:00+01:00`,
      published,
    });

  beforeAll(async () => {
    lectern = await startLectern();
    build = programmeBuilder(lectern);
    conference = await build.conference({
      slug: SLUG,
      name: 'Sökdagarna 2024',
      startDate: '2024-11-05',
      endDate: '2024-11-05',
      timeZone: 'Europe/Stockholm',
      defaultLocale: 'sv',
      published: true,
    });

    openData = await createSession(
      { sv: OPEN_DATA, en: 'Internet days: open data in the municipality' },
      { sv: 'Hur kommuner delar sina data.', en: 'How municipalities share their data.' },
      '09:00',
    );
    security = await createSession(
      { sv: SECURITY, en: 'Safety online' },
      { en: 'Phishing, passwords and "two-factor" logins (NEAR you) – what works?' },
      '10:00',
    );
    const draft = await createSession({ sv: DRAFT }, { sv: 'Ingen ska se detta än.' }, '11:00', false);

    const asa = await build.speaker({ slug: 'asa-lindstrom', name: 'Åsa Lindström' });
    const pal = await build.speaker({ slug: 'pal-norgaard', name: 'Pål Nørgaard', otherNames: ['Paal Norgaard'] });
    const hidden = await build.speaker({ slug: 'hemlig-talare', name: 'Hedvig Hemlund' });
    await build.appearance(openData, asa);
    await build.appearance(security, pal);
    await build.appearance(draft, hidden);
  });
  afterAll(() => lectern.close());

  describe('sessions(filter: { text })', () => {
    it('finds words by their beginning, whatever their case and accents', async () => {
      expect(await titles('intern')).toEqual([OPEN_DATA]);
      expect(await titles('INTERNETDAG')).toEqual([OPEN_DATA]);
      expect(await titles('oppna')).toEqual([OPEN_DATA]);
      expect(await titles('SAKERHET')).toEqual([SECURITY]);
      expect(await titles('säk nät')).toEqual([SECURITY]);
      // A prefix of a word, not any part of it.
      expect(await titles('dagarna')).toEqual([]);
    });

    it('searches the title and abstract in every language, and wants every word', async () => {
      expect(await titles('municipality')).toEqual([OPEN_DATA]);
      expect(await titles('kommuner delar')).toEqual([OPEN_DATA]);
      expect(await titles('phishing passwords')).toEqual([SECURITY]);
      expect(await titles('data')).toEqual([OPEN_DATA]);
      expect(await titles('data phishing')).toEqual([]);
      expect(await titles('internet')).toEqual([OPEN_DATA]);
    });

    it("finds a session through its speakers' names, any part of them, without accents", async () => {
      expect(await titles('lindstrom')).toEqual([OPEN_DATA]);
      expect(await titles('Lindström öppna')).toEqual([OPEN_DATA]);
      expect(await titles('ström')).toEqual([OPEN_DATA]);
      expect(await titles('paal')).toEqual([SECURITY]);
      expect(await titles('Nørgaard')).toEqual([SECURITY]);
    });

    it('never shows a draft to a reader; its organiser finds it', async () => {
      expect(await titles('hemligt')).toEqual([]);
      expect(await titles('hemlund')).toEqual([]);
      expect(await titles('hemligt', 'organiser')).toEqual([DRAFT]);
      expect(await titles('internet', 'organiser')).toEqual([OPEN_DATA, DRAFT]);
      expect(await names('hemlund')).toEqual([]);
      expect(await names('hemlund', 'organiser')).toEqual(['Hedvig Hemlund']);
    });

    it('takes any text a reader can type as words, never as query syntax', async () => {
      const hostile = [
        '"öppna data"',
        'öppna*',
        '-öppna',
        '+öppna',
        'öppna)',
        '(öppna',
        'öppna:',
        "öppna'",
        "'öppna' & !data",
        'öppna\\',
        '{öppna}',
        '^öppna',
        'öppna -- data',
        'öppna:data',
        'öppna ' + 'data '.repeat(2000),
      ];
      for (const text of hostile) expect([text.slice(0, 40), await titles(text)]).toEqual([text.slice(0, 40), [OPEN_DATA]]);

      // Operators are words like any other: these look for words starting with "near", "and", "or".
      expect(await titles('phishing NEAR')).toEqual([SECURITY]);
      expect(await titles('NEAR(phishing passwords)')).toEqual([SECURITY]);
      expect(await titles('phishing AND passwords')).toEqual([SECURITY]);
      expect(await titles('öppna OR phishing')).toEqual([]);
      expect(await titles('NOT öppna')).toEqual([]);
      expect(await titles('öppna; DROP TABLE sessions; --')).toEqual([]);
      expect(await titles('öppna')).toEqual([OPEN_DATA]);
      expect(await titles('öppna ' + 'x'.repeat(5000))).toEqual([]);
    });

    it('finds nothing for a text without words, and everything for a blank one', async () => {
      for (const text of ['"', '*', '-', '()', '"*"', '%', ':', '\'"\\', '—…!?']) expect([text, await titles(text)]).toEqual([text, []]);
      expect(await titles('   ')).toEqual([OPEN_DATA, SECURITY]);
      expect(await titles('')).toEqual([OPEN_DATA, SECURITY]);
    });
  });

  describe('speakers(text)', () => {
    it('finds a person by any part of a name or another spelling, without accents', async () => {
      expect(await names('lind')).toEqual(['Åsa Lindström']);
      expect(await names('ASA')).toEqual(['Åsa Lindström']);
      expect(await names('ström')).toEqual(['Åsa Lindström']);
      expect(await names('paal norg')).toEqual(['Pål Nørgaard']);
      expect(await names('nørgaard')).toEqual(['Pål Nørgaard']);
      expect(await names('lindström nørgaard')).toEqual([]);
    });

    it('takes any text as words, never as query syntax', async () => {
      for (const text of ['"lind"', 'lind*', '-lind', 'lind)', "lind'", 'lind:', 'lind ' + 'lind '.repeat(1000)]) {
        expect([text.slice(0, 20), await names(text)]).toEqual([text.slice(0, 20), ['Åsa Lindström']]);
      }
      for (const text of ['"', '*', '(', '"*"', '%']) expect([text, await names(text)]).toEqual([text, []]);
      expect(await names('lind NEAR')).toEqual([]);
    });
  });

  describe('the index follows every change', () => {
    it('a new title', async () => {
      await organiser(
        `mutation { updateSession(id: "${security.id}", input: { title: [{ locale: "sv", text: "Lösenord och nätfiske" }] }) { id } }`,
      );
      expect(await titles('säkerhet')).toEqual([]);
      expect(await titles('nätfiske')).toEqual(['Lösenord och nätfiske']);
      // The abstract did not change, and still finds it.
      expect(await titles('phishing')).toEqual(['Lösenord och nätfiske']);
    });

    it('a speaker added, renamed, taken off and deleted', async () => {
      const guest = await build.speaker({ slug: 'gunnel-gast', name: 'Gunnel Gäst' });
      expect(await titles('gunnel')).toEqual([]);
      const appearance = await build.appearance(openData, guest);
      expect(await titles('gunnel')).toEqual([OPEN_DATA]);

      await organiser(`mutation { updateSpeaker(id: "${guest.id}", input: { name: "Gunilla Gäst" }) { id } }`);
      expect(await titles('gunnel')).toEqual([]);
      expect(await titles('gunilla')).toEqual([OPEN_DATA]);
      expect(await names('gunilla')).toEqual(['Gunilla Gäst']);
      expect(await names('gunnel')).toEqual([]);

      await organiser(`mutation { removeAppearance(id: "${appearance}") { id } }`);
      expect(await titles('gunilla')).toEqual([]);

      await build.appearance(openData, guest);
      expect(await titles('gunilla')).toEqual([OPEN_DATA]);
      await organiser(`mutation { deleteSpeaker(id: "${guest.id}") { id } }`);
      expect(await titles('gunilla')).toEqual([]);
      expect(await names('gunilla', 'organiser')).toEqual([]);
      expect(await titles('lindstrom')).toEqual([OPEN_DATA]);
    });

    it('a session deleted', async () => {
      const gone = await createSession({ sv: 'Kortlivat pass' }, {}, '12:00');
      expect(await titles('kortlivat')).toEqual(['Kortlivat pass']);
      await organiser(`mutation { deleteSession(id: "${gone.id}") { id } }`);
      expect(await titles('kortlivat', 'organiser')).toEqual([]);
    });

    it('a failed change leaves the index as it was', async () => {
      const result = await lectern.graphql(
        `mutation { updateSession(id: "${openData.id}", input: { title: [{ locale: "sv", text: "Helt ny titel" }], startsAt: "2030-01-01T10:00:00Z", endsAt: "2030-01-01T11:00:00Z" }) { id } }`,
        {},
        { as: 'organiser' },
      );
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(await titles('helt')).toEqual([]);
      expect(await titles('öppna')).toEqual([OPEN_DATA]);
    });
  });

  it('fills the index for sessions and speakers that were there before it', async () => {
    const dataSource = lectern.app.get(DataSource);
    const runner = dataSource.createQueryRunner();
    try {
      await new Search1700000000006().down(runner);
      await new Search1700000000006().up(runner);
    } finally {
      await runner.release();
    }
    expect(await titles('öppna lindström')).toEqual([OPEN_DATA]);
    expect(await titles('nätfiske paal')).toEqual(['Lösenord och nätfiske']);
    expect(await titles('hemligt', 'organiser')).toEqual([DRAFT]);
    expect(await names('norgaard')).toEqual(['Pål Nørgaard']);
  });
});
