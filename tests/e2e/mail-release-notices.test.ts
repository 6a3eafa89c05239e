import ICAL from 'ical.js';
import { instantsOf, instantsRead } from '../support/calendar-instants';
import { Lectern, startLectern } from '../support/lectern';
import { ConferenceRef, ProgrammeBuilder, programmeBuilder, RoomRef, SessionRef, SpeakerRef } from '../support/programme';
import { eventually, SmtpReceiver } from '../support/smtp-receiver';

const RELEASE = `mutation ($input: ReleaseScheduleInput!) { releaseSchedule(input: $input) { version } }`;
const OUTBOX = `query ($conferenceId: ID) { outbox(conferenceId: $conferenceId, first: 100) { totalCount edges { node { kind to status attachmentFilenames } } } }`;

/** Stockholm in May is UTC+2: 10:00 local is 08:00Z. */
const CONFERENCE = { startDate: '2030-05-14', endDate: '2030-05-15', timeZone: 'Europe/Stockholm', defaultLocale: 'sv', published: true };

describe('release notices', () => {
  const smtp = new SmtpReceiver();
  let lectern: Lectern;
  let build: ProgrammeBuilder;
  let conference: ConferenceRef;
  let aulan: RoomRef;
  let salB: RoomRef;
  let anna: SpeakerRef;
  let bo: SpeakerRef;
  let cecilia: SpeakerRef;
  let moved: SessionRef;
  let cancelled: SessionRef;
  let dag: SpeakerRef;
  let cecilias: SessionRef;

  const organiser = (query: string, variables?: Record<string, unknown>) => lectern.ok(query, variables, { as: 'organiser' });
  const release = (name: string) => organiser(RELEASE, { input: { conferenceSlug: conference.slug, name } });
  const outbox = async () => (await organiser(OUTBOX, { conferenceId: conference.id })).outbox;

  beforeAll(async () => {
    await smtp.start();
    lectern = await startLectern({ SMTP_URL: smtp.url, MAIL_FROM: 'Programmet <programmet@example.org>', MAIL_RETRY_BASE_MS: '50' });
    build = programmeBuilder(lectern);
    conference = await build.conference({ ...CONFERENCE, name: 'Framtidsdagen' });
    aulan = await build.room(conference, { name: 'Aulan' });
    salB = await build.room(conference, { name: 'Sal B' });
    anna = await build.speaker({ name: 'Anna Berg', email: 'anna@example.org' });
    bo = await build.speaker({ name: 'Bo Ek', email: 'bo@example.org' });
    cecilia = await build.speaker({ name: 'Cecilia Dahl' });
    dag = await build.speaker({ name: 'Dag Lund', email: 'dag@example.org' });
    moved = await build.session(conference, {
      title: 'Öppen data',
      room: aulan,
      startsAt: '2030-05-14T10:00:00+02:00',
      endsAt: '2030-05-14T10:45:00+02:00',
      speakers: [anna],
      published: true,
    });
    cancelled = await build.session(conference, {
      title: 'Panelen om AI',
      room: salB,
      startsAt: '2030-05-14T13:00:00+02:00',
      endsAt: '2030-05-14T14:00:00+02:00',
      speakers: [anna, bo],
      published: true,
    });
    await build.session(conference, {
      title: 'Avslutning',
      room: aulan,
      startsAt: '2030-05-15T16:00:00+02:00',
      endsAt: '2030-05-15T16:30:00+02:00',
      speakers: [anna],
      published: true,
    });
    await build.session(conference, {
      title: 'Bos föredrag',
      room: salB,
      startsAt: '2030-05-15T09:00:00+02:00',
      endsAt: '2030-05-15T09:30:00+02:00',
      speakers: [bo],
      published: true,
    });
    await build.session(conference, {
      title: 'Dags föredrag',
      room: aulan,
      startsAt: '2030-05-15T10:00:00+02:00',
      endsAt: '2030-05-15T10:30:00+02:00',
      speakers: [dag],
      published: true,
    });
    cecilias = await build.session(conference, {
      title: 'Cecilias workshop',
      room: salB,
      startsAt: '2030-05-15T11:00:00+02:00',
      endsAt: '2030-05-15T12:00:00+02:00',
      speakers: [cecilia],
      published: true,
    });
  });

  afterAll(async () => {
    await lectern?.close();
    await smtp.stop();
  });

  it('sends nothing for the first release', async () => {
    await release('Första versionen');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await outbox()).totalCount).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });

  it('tells each speaker with an e-mail whose session moved or was cancelled, once, with an .ics of the changes', async () => {
    await organiser(`mutation ($input: UpdateSessionInput!) { updateSession(input: $input) { id } }`, {
      input: { id: moved.id, startsAt: '2030-05-14T15:00:00+02:00', endsAt: '2030-05-14T15:45:00+02:00', roomId: salB.id },
    });
    await organiser(`mutation ($input: CancelSessionInput!) { cancelSession(input: $input) { id } }`, { input: { id: cancelled.id } });
    // Cecilia's session moves too, but she has no e-mail address.
    await organiser(`mutation ($input: UpdateSessionInput!) { updateSession(input: $input) { id } }`, {
      input: { id: cecilias.id, startsAt: '2030-05-15T13:00:00+02:00', endsAt: '2030-05-15T14:00:00+02:00' },
    });
    await release('Andra versionen');

    const [notice] = await eventually(() => smtp.to('anna@example.org').length > 0 && smtp.to('anna@example.org'), "Anna's notice");
    // Bo's panel was cancelled too: he hears of it; nothing of his else changed.
    const [boNotice] = await eventually(() => smtp.to('bo@example.org').length > 0 && smtp.to('bo@example.org'), "Bo's notice");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.to('anna@example.org')).toHaveLength(1);
    expect(smtp.to('bo@example.org')).toHaveLength(1);
    // Dag's session stayed as it was; Cecilia has no address.
    expect(smtp.to('dag@example.org')).toHaveLength(0);
    expect(smtp.received).toHaveLength(2);

    const mail = notice.parsed;
    expect(mail.subject).toBe('Ändringar i ditt program på Framtidsdagen');
    expect(mail.from?.value[0].address).toBe('programmet@example.org');
    const text = mail.text!;
    expect(text).toContain('Hej Anna Berg!');
    expect(text).toContain('«Öppen data»');
    // Old and new time in the conference's zone, with the rooms.
    expect(text).toMatch(
      /Flyttad: .*14 maj 2030 10:00–10:45 \(Europe\/Stockholm\), Aulan → .*14 maj 2030 15:00–15:45 \(Europe\/Stockholm\), Sal B/,
    );
    expect(text).toContain('«Panelen om AI»');
    expect(text).toMatch(/Inställd \(var .*14 maj 2030 13:00–14:00 \(Europe\/Stockholm\), Sal B\)/);
    expect(text).not.toContain('Avslutning');
    expect(mail.html).toContain('«Öppen data»');

    expect(mail.attachments).toHaveLength(1);
    const [ics] = mail.attachments;
    expect(ics.filename).toBe(`${conference.slug}-2.ics`);
    expect(ics.contentType).toBe('text/calendar');
    const calendarText = ics.content.toString('utf8');
    const calendar = new ICAL.Component(ICAL.parse(calendarText));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => event.uid).sort()).toEqual([`${cancelled.uid}@lectern`, `${moved.uid}@lectern`].sort());
    const statusOf = (uid: string) => events.find((event) => event.uid === `${uid}@lectern`)!.component.getFirstPropertyValue('status');
    expect(statusOf(cancelled.uid)).toBe('CANCELLED');
    expect(statusOf(moved.uid)).toBe('CONFIRMED');
    expect(events.find((event) => event.uid === `${moved.uid}@lectern`)!.location).toContain('Sal B');
    const expected = instantsOf({
      [moved.uid]: ['2030-05-14T15:00:00+02:00', '2030-05-14T15:45:00+02:00'],
      [cancelled.uid]: ['2030-05-14T13:00:00+02:00', '2030-05-14T14:00:00+02:00'],
    });
    const read = instantsRead(calendarText);
    expect(read.icalJs).toEqual(expected);
    expect(read.nodeIcal).toEqual(expected);
    // A calendar that holds the feed's entry replaces it: the sequence moved past the first release's.
    const sequenceOf = (uid: string) => events.find((event) => event.uid === `${uid}@lectern`)!.sequence;
    expect(sequenceOf(moved.uid)).toBeGreaterThan(moved.revision);

    expect(boNotice.parsed.text).toContain('«Panelen om AI»');
    expect(boNotice.parsed.text).not.toContain('Öppen data');

    const { edges } = await outbox();
    expect(edges.map((edge: { node: { to: string } }) => edge.node.to).sort()).toEqual(['anna@example.org', 'bo@example.org']);
    expect(edges[0].node).toMatchObject({ kind: 'release-notice', status: 'SENT', attachmentFilenames: [`${conference.slug}-2.ics`] });
  });

  it('tells of a session removed from the programme, as cancelled', async () => {
    await organiser(`mutation ($input: DeleteSessionInput!) { deleteSession(input: $input) { id } }`, { input: { id: moved.id } });
    await release('Tredje versionen');
    await eventually(() => smtp.to('anna@example.org').length === 2, "Anna's second notice");
    const mail = smtp.to('anna@example.org')[1].parsed;
    expect(mail.text).toMatch(/«Öppen data»\nBorttagen ur programmet \(var .*14 maj 2030 15:00–15:45 \(Europe\/Stockholm\), Sal B\)/);
    const calendar = new ICAL.Component(ICAL.parse(mail.attachments[0].content.toString('utf8')));
    const [event] = calendar.getAllSubcomponents('vevent');
    expect(event.getFirstPropertyValue('uid')).toBe(`${moved.uid}@lectern`);
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(smtp.to('bo@example.org')).toHaveLength(1);
  });
});
