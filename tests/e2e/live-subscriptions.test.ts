import { Client as SubscriptionClient } from 'graphql-ws';
import { Lectern, startLectern } from '../support/lectern';
import { ConferenceRef, ProgrammeBuilder, programmeBuilder } from '../support/programme';
import { connect, ConsoleCredentials, Subscriber, untilHeard } from '../support/subscriptions';
import { eventually } from '../support/webhook-receiver';

/**
 * GraphQL subscriptions over WebSocket on one instance (in memory, or through Redis when
 * REDIS_URL is set): who hears what. Two instances are in instances.test.ts.
 */
describe('live programme changes', () => {
  let lectern: Lectern;
  let build: ProgrammeBuilder;
  let conference: ConferenceRef;
  let published: string;
  let draft: string;
  const clients: SubscriptionClient[] = [];

  const organiser = (query: string, variables?: Record<string, unknown>) => lectern.ok(query, variables, { as: 'organiser' });
  const retitle = (id: string, text: string) =>
    organiser('mutation ($id: ID!, $title: [LocalisedTextInput!]!) { updateSession(id: $id, input: { title: $title }) { id } }', {
      id,
      title: [{ locale: 'sv', text }],
    });

  const subscribe = (query: string, variables: Record<string, unknown>, connectionParams?: { authorization: string }): Subscriber => {
    const connection = connect(lectern.url, connectionParams?.authorization);
    clients.push(connection.client);
    return connection.subscribe(query, variables);
  };

  /** Skips what a subscriber heard while others were opening, up to the change looked for. */
  const nextMatching = async (subscriber: Subscriber, wanted: (change: any) => boolean) => {
    for (;;) {
      const change = Object.values((await subscriber.next()).data)[0];
      if (wanted(change)) return change;
    }
  };

  beforeAll(async () => {
    lectern = await startLectern({ RATE_LIMIT: 'off' });
    build = programmeBuilder(lectern);
    conference = await build.conference({
      startDate: '2016-10-21',
      endDate: '2016-10-23',
      timeZone: 'Europe/Stockholm',
      defaultLocale: 'sv',
    });
    published = (await build.session(conference, { title: 'Öppning', published: true })).id;
    draft = (await build.session(conference, { title: 'Hemligt' })).id;
    await build.publish(conference);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await lectern.close();
  });

  it("tells a public subscriber of a published session's change, through the public Session type", async () => {
    const subscriber = subscribe(
      'subscription ($id: ID!) { sessionChanged(id: $id) { kind sessionId at session { id title published } } }',
      { id: published },
    );
    const message = await untilHeard(subscriber, (attempt) => retitle(published, `Öppning ${attempt}`));
    expect(message.data.sessionChanged).toEqual({
      kind: 'SESSION_RETITLED',
      sessionId: published,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      session: { id: published, title: expect.stringMatching(/^Öppning \d+$/), published: true },
    });
  });

  it('keeps drafts from the public, and tells organisers (with a token) of them', async () => {
    const connection = { authorization: `Bearer ${lectern.adminToken}` };
    const query = 'subscription ($slug: String!) { programmeChanged(conferenceSlug: $slug) { kind sessionId session { title } } }';
    const organiserSubscriber = subscribe(query, { slug: conference.slug }, connection);
    const publicSubscriber = subscribe(query, { slug: conference.slug });
    await untilHeard(organiserSubscriber, (attempt) => retitle(published, `Start ${attempt}`));
    await untilHeard(publicSubscriber, (attempt) => retitle(published, `Start igen ${attempt}`));

    await retitle(draft, 'Fortfarande hemligt');
    const aboutDraft = await nextMatching(organiserSubscriber, (change) => change.sessionId === draft);
    expect(aboutDraft).toEqual({ kind: 'SESSION_RETITLED', sessionId: draft, session: { title: 'Fortfarande hemligt' } });
    // Every subscriber of the conference was offered the draft's change before the next one.
    await retitle(published, 'Öppning igen');
    await nextMatching(publicSubscriber, (change) => change.session?.title === 'Öppning igen');
    expect(publicSubscriber.heard.map((message) => message.data.programmeChanged.sessionId)).not.toContain(draft);
    expect(JSON.stringify(publicSubscriber.heard)).not.toContain('hemligt');
  });

  it("tells the console of drafts, signed in by its session's cookie and CSRF token, until the session is closed", async () => {
    const opened = await lectern.graphql(
      'mutation ($input: OpenOrganiserSessionInput!) { openOrganiserSession(input: $input) { csrfToken } }',
      { input: { token: lectern.adminToken } },
    );
    const cookie = /^lectern_organiser=[^;]+/.exec(opened.headers.get('set-cookie') ?? '')![0];
    const csrfToken: string = opened.data.openOrganiserSession.csrfToken;
    const query = 'subscription ($slug: String!) { programmeChanged(conferenceSlug: $slug) { kind sessionId session { title } } }';
    const subscribeFromConsole = (credentials: ConsoleCredentials) => {
      const connection = connect(lectern.url, undefined, credentials);
      clients.push(connection.client);
      return connection.subscribe(query, { slug: conference.slug });
    };

    const signedIn = subscribeFromConsole({ cookie, csrfToken });
    await untilHeard(signedIn, (attempt) => retitle(published, `Konsolen ${attempt}`));
    await retitle(draft, 'Utkast i konsolen');
    expect(await nextMatching(signedIn, (change) => change.sessionId === draft)).toEqual({
      kind: 'SESSION_RETITLED',
      sessionId: draft,
      session: { title: 'Utkast i konsolen' },
    });

    // The cookie without the CSRF token is the public (another site's page could send the cookie,
    // not the token); with a token not of its session, no connection at all.
    const cookieOnly = subscribeFromConsole({ cookie });
    await untilHeard(cookieOnly, (attempt) => retitle(published, `Bara kakan ${attempt}`));
    await retitle(draft, 'Fortfarande ett utkast');
    await retitle(published, 'Efter utkastet');
    await nextMatching(cookieOnly, (change) => change.session?.title === 'Efter utkastet');
    expect(cookieOnly.heard.map((message) => message.data.programmeChanged.sessionId)).not.toContain(draft);
    const forged = subscribeFromConsole({ cookie, csrfToken: 'forged' });
    expect(await forged.failed).toBeTruthy();
    expect(forged.heard).toEqual([]);

    // A closed session ends the console's subscription before its next event is delivered.
    const closed = await lectern.graphql('mutation { closeOrganiserSession }', {}, { headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(closed.errors).toBeUndefined();
    const heardBefore = signedIn.heard.length;
    await retitle(draft, 'Efter utloggningen');
    expect(await signedIn.closed).toBe(4403);
    expect(signedIn.heard.length).toBe(heardBefore);
  });

  it('tells the public nothing of a draft deleted, nor of a speaker, room or track it does not see being changed', async () => {
    const query = 'subscription ($slug: String!) { programmeChanged(conferenceSlug: $slug) { kind sessionId session { title } } }';
    const publicSubscriber = subscribe(query, { slug: conference.slug });
    await untilHeard(publicSubscriber, (attempt) => retitle(published, `Mellan ${attempt}`));

    const hidden = await build.speaker({ conference, name: 'Dold Talare' });
    const doomed = await build.session(conference, { title: 'Aldrig visad', speakers: [hidden] });
    const room = await build.room(conference, { published: false });
    const track = await build.track(conference, { published: false });
    await organiser('mutation ($id: ID!) { updateSpeaker(id: $id, input: { name: "Fortfarande dold" }) { id } }', { id: hidden.id });
    await organiser('mutation ($id: ID!) { updateRoom(id: $id, input: { name: "Bakrum" }) { id } }', { id: room.id });
    await organiser('mutation ($id: ID!) { updateTrack(id: $id, input: { name: "Dolt spår" }) { id } }', { id: track.id });
    await organiser('mutation ($id: ID!) { deleteSession(id: $id) { id } }', { id: doomed.id });
    // Changes are told in the order they commit: once this one is heard, the ones before it were decided.
    await retitle(published, 'Efter allt det dolda');
    await nextMatching(publicSubscriber, (change) => change.session?.title === 'Efter allt det dolda');

    const kinds = publicSubscriber.heard.map((message) => message.data.programmeChanged);
    expect(kinds.map((change) => change.sessionId)).not.toContain(doomed.id);
    expect(kinds.map((change) => change.kind)).not.toContain('SPEAKER_CHANGED');
    expect(kinds.map((change) => change.kind)).not.toContain('CONFERENCE_CHANGED');
  });

  it('tells the public of a conference that follows its releases its next release, not the edits before it', async () => {
    const follower = await build.conference({ startDate: '2016-10-21', endDate: '2016-10-23', published: true });
    const session = (await build.session(follower, { title: 'Släppt', format: 'BREAK', published: true })).id;
    await organiser(`mutation { releaseSchedule(conferenceSlug: "${follower.slug}", name: "v1") { version } }`);
    await organiser(`mutation { updateConference(id: "${follower.id}", input: { programmeFollows: LATEST_RELEASE }) { id } }`);
    const query = 'subscription ($slug: String!) { programmeChanged(conferenceSlug: $slug) { kind sessionId } }';
    const publicSubscriber = subscribe(query, { slug: follower.slug });
    const release = (name: string) =>
      organiser(`mutation { releaseSchedule(conferenceSlug: "${follower.slug}", name: "${name}") { version } }`);
    // Open once a release is heard; then an edit, and a release after it.
    await untilHeard(publicSubscriber, (attempt) => release(`öppnar ${attempt}`));
    await retitle(session, 'Inte släppt än');
    await release('med ändringen');
    // Told in commit order: once the release after the edit is heard, the edit was decided.
    await eventually(
      async () => publicSubscriber.heard.filter((message) => message.data.programmeChanged.kind === 'RELEASE_PUBLISHED').length >= 2,
      'the second release',
    );
    const kinds = publicSubscriber.heard.map((message) => message.data.programmeChanged.kind);
    expect(new Set(kinds)).toEqual(new Set(['RELEASE_PUBLISHED']));
  });

  it('tells the public that a session it saw was deleted, and that a speaker it sees changed', async () => {
    const query = 'subscription ($slug: String!) { programmeChanged(conferenceSlug: $slug) { kind sessionId } }';
    const publicSubscriber = subscribe(query, { slug: conference.slug });
    await untilHeard(publicSubscriber, (attempt) => retitle(published, `Före ${attempt}`));
    const shown = await build.speaker({ conference, name: 'Synlig Talare' });
    const seen = await build.session(conference, { title: 'Visad', speakers: [shown], published: true });
    await organiser('mutation ($id: ID!) { updateSpeaker(id: $id, input: { name: "Synlig Talare igen" }) { id } }', { id: shown.id });
    expect(await nextMatching(publicSubscriber, (change) => change.kind === 'SPEAKER_CHANGED')).toEqual({
      kind: 'SPEAKER_CHANGED',
      sessionId: null,
    });
    await organiser('mutation ($id: ID!) { deleteSession(id: $id) { id } }', { id: seen.id });
    expect(await nextMatching(publicSubscriber, (change) => change.kind === 'SESSION_DELETED')).toEqual({
      kind: 'SESSION_DELETED',
      sessionId: seen.id,
    });
  });

  it('tells the public that a withdrawn session is gone, without its content', async () => {
    const subscriber = subscribe('subscription ($id: ID!) { sessionChanged(id: $id) { kind sessionId session { title } } }', {
      id: published,
    });
    await untilHeard(subscriber, (attempt) => retitle(published, `Sista ${attempt}`));

    await organiser(`mutation { unpublishSession(id: "${published}") { id } }`);
    expect(await nextMatching(subscriber, (change) => change.kind === 'SESSION_UPDATED')).toEqual({
      kind: 'SESSION_UPDATED',
      sessionId: published,
      session: null,
    });
  });

  it('refuses to subscribe the public to a draft, as a query would', async () => {
    const subscriber = subscribe('subscription ($id: ID!) { sessionChanged(id: $id) { kind } }', { id: draft });
    const error = (await subscriber.failed) as { message: string; extensions?: { code?: string } }[];
    expect(error).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
  });

  it('refuses a connection with a wrong token', async () => {
    // A conference the public may follow: accepted as public, the subscription would stay open.
    const subscriber = subscribe(
      'subscription ($slug: String!) { programmeChanged(conferenceSlug: $slug) { kind } }',
      { slug: conference.slug },
      { authorization: 'Bearer wrong' },
    );
    // Mercurius refuses with a `connection_error` message, which graphql-ws clients report as an error.
    expect(await subscriber.failed).toBeTruthy();
    expect(subscriber.heard).toEqual([]);
  });
});
