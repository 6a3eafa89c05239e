import fs from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transactions } from '../../src/database/transactions';
import { MailOutbox, OutgoingMail } from '../../src/mail/mail-outbox';
import { composeMail } from '../../src/mail/mail-layout';
import { rowId } from '../support/ids';
import { Lectern, startLectern } from '../support/lectern';
import { ConferenceRef, programmeBuilder } from '../support/programme';
import { eventually, SmtpReceiver } from '../support/smtp-receiver';
import { signInSpeaker } from '../support/speakers';

const OUTBOX = `query ($conferenceId: ID, $status: MailStatus, $first: Int, $after: String) {
  outbox(conferenceId: $conferenceId, status: $status, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id kind to locale subject text html status attempts lastError createdAt sentAt attachmentFilenames } }
  }
}`;
const RETRY = `mutation ($input: RetryMailInput!) { retryMail(input: $input) { id status attempts } }`;

const ICS = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Lectern//tests//EN', 'END:VCALENDAR', ''].join('\r\n');
const FROM = 'Programmet <programme@example.org>';

interface OutboxNode {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  status: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  attachmentFilenames: string[];
}

/** Writes mails as a service does: inside a transaction, waking the worker once it committed. */
async function send(lectern: Lectern, mails: OutgoingMail[], options: { rollBack?: boolean } = {}): Promise<void> {
  const outbox = lectern.app.get(MailOutbox);
  await lectern.app.get(Transactions).run(async (manager) => {
    for (const mail of mails) await outbox.enqueue(manager, mail);
    if (options.rollBack) throw new Error('rolled back on purpose');
  });
  outbox.wake();
}

function mailTo(to: string, conference: ConferenceRef | null, extra: Partial<OutgoingMail> = {}): OutgoingMail {
  const composed = composeMail({
    locale: 'sv',
    subject: `Hej ${to}`,
    greeting: 'Hej!',
    paragraphs: ['Första stycket <b>inte fetstil</b> & så vidare.', 'Andra stycket.'],
    action: { label: 'Logga in', url: 'http://127.0.0.1/me/sign-in?token=abc' },
    footer: 'Lectern',
  });
  return { kind: 'test', to, locale: 'sv', ...composed, conferenceId: conference ? rowId(conference.id) : null, ...extra };
}

describe('outgoing mail over SMTP', () => {
  const smtp = new SmtpReceiver();
  let lectern: Lectern;
  let second: Lectern | undefined;
  let conference: ConferenceRef;
  let other: ConferenceRef;
  let otherOrganiser: string;
  let ownOrganiser: string;
  const sqlite = join(mkdtempSync(join(tmpdir(), 'lectern-mail-')), 'lectern.sqlite');
  const settings = () => ({
    SMTP_URL: smtp.url,
    MAIL_FROM: FROM,
    MAIL_RETRY_BASE_MS: '50',
    MAIL_MAX_ATTEMPTS: '3',
    SQLITE_PATH: sqlite,
  });

  const outbox = async (variables: Record<string, unknown> = {}, token?: string): Promise<OutboxNode[]> =>
    (await lectern.ok(OUTBOX, { first: 100, ...variables }, token ? { token } : { as: 'organiser' })).outbox.edges.map(
      (edge: { node: OutboxNode }) => edge.node,
    );
  const mailOf = async (to: string) => (await outbox()).find((mail) => mail.to === to);

  beforeAll(async () => {
    await smtp.start();
    lectern = await startLectern(settings());
    const build = programmeBuilder(lectern);
    conference = await build.conference({ defaultLocale: 'sv' });
    other = await build.conference({ defaultLocale: 'en' });
    ownOrganiser = (await build.organiser({ conferences: [conference] })).token;
    otherOrganiser = (await build.organiser({ conferences: [other] })).token;
  });

  afterAll(async () => {
    await second?.close();
    await lectern?.close();
    await smtp.stop();
  });

  it('never sends a mail whose transaction rolled back, and sends a committed one with both parts, the sender and its attachment', async () => {
    await expect(send(lectern, [mailTo('rolled-back@example.org', conference)], { rollBack: true })).rejects.toThrow('rolled back');
    await send(lectern, [
      mailTo('anna@example.org', conference, {
        attachments: [{ filename: 'changes.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ICS }],
      }),
    ]);
    const [received] = await eventually(() => smtp.to('anna@example.org').length > 0 && smtp.to('anna@example.org'), 'the mail');
    const mail = received.parsed;
    expect(mail.from?.value).toEqual([{ name: 'Programmet', address: 'programme@example.org' }]);
    expect(mail.subject).toBe('Hej anna@example.org');
    expect(mail.text).toContain('Första stycket <b>inte fetstil</b> & så vidare.');
    expect(mail.text).toContain('http://127.0.0.1/me/sign-in?token=abc');
    // The HTML part shows the text as text: the markup in it is escaped, and the link is a link.
    expect(mail.html).toContain('Första stycket &lt;b>inte fetstil&lt;/b> &amp; så vidare.');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('href="http://127.0.0.1/me/sign-in?token=abc"');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: 'changes.ics', contentType: 'text/calendar' });
    expect(mail.attachments[0].content.toString('utf8')).toBe(ICS);

    const row = await eventually(async () => {
      const found = await mailOf('anna@example.org');
      return found?.status === 'SENT' && found;
    }, 'the mail marked sent');
    expect(row).toMatchObject({ kind: 'test', attempts: 1, lastError: null, attachmentFilenames: ['changes.ics'] });
    expect(Date.parse(row.sentAt!)).not.toBeNaN();
    expect(await mailOf('rolled-back@example.org')).toBeUndefined();
    expect(smtp.to('rolled-back@example.org')).toHaveLength(0);
  });

  it('tries again after the SMTP server refused a mail, and delivers it once', async () => {
    let refusedOnce = 0;
    smtp.refuse = (_offered, raw) => {
      if (!raw.includes('To: bo@example.org') || refusedOnce > 0) return undefined;
      refusedOnce++;
      return 'Try again later';
    };
    await send(lectern, [mailTo('bo@example.org', conference)]);
    const row = await eventually(async () => {
      const found = await mailOf('bo@example.org');
      return found?.status === 'SENT' && found;
    }, 'the mail sent at the second attempt');
    expect(refusedOnce).toBe(1);
    expect(row.attempts).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.to('bo@example.org')).toHaveLength(1);
  });

  it('gives a mail up as FAILED after the attempts allowed, shows why, and sends it again on retryMail', async () => {
    smtp.refuse = (_offered, raw) => (raw.includes('To: cecilia@example.org') ? 'Mailbox busy, come back later' : undefined);
    await send(lectern, [mailTo('cecilia@example.org', conference)]);
    const failed = await eventually(async () => {
      const found = (await outbox({ status: 'FAILED' })).find((mail) => mail.to === 'cecilia@example.org');
      return found && found;
    }, 'the mail given up');
    expect(failed.attempts).toBe(3);
    expect(failed.lastError).toContain('Mailbox busy, come back later');
    expect(smtp.to('cecilia@example.org')).toHaveLength(0);

    const refused = await lectern.graphql(RETRY, { input: { id: failed.id } }, { token: otherOrganiser });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const publicly = await lectern.graphql(RETRY, { input: { id: failed.id } });
    expect(publicly.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    smtp.refuse = () => undefined;
    const retried = await lectern.ok(RETRY, { input: { id: failed.id } }, { token: ownOrganiser });
    expect(retried.retryMail).toMatchObject({ id: failed.id, status: 'PENDING', attempts: 0 });
    await eventually(() => smtp.to('cecilia@example.org').length === 1, 'the retried mail');
    const sent = await eventually(async () => {
      const found = await mailOf('cecilia@example.org');
      return found?.status === 'SENT' && found;
    }, 'the retried mail marked sent');
    expect(sent.attempts).toBe(1);

    const again = await lectern.graphql(RETRY, { input: { id: failed.id } }, { as: 'organiser' });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
  });

  it("shows a conference's mails to its organisers and admins only", async () => {
    await send(lectern, [mailTo('other@example.org', other)]);
    await eventually(() => smtp.to('other@example.org').length === 1, 'the other conference’s mail');
    const own = await outbox({}, ownOrganiser);
    expect(own.map((mail) => mail.to)).toEqual(expect.arrayContaining(['anna@example.org', 'bo@example.org', 'cecilia@example.org']));
    expect(own.map((mail) => mail.to)).not.toContain('other@example.org');
    expect((await outbox({}, otherOrganiser)).map((mail) => mail.to)).toEqual(['other@example.org']);
    expect((await outbox()).map((mail) => mail.to)).toEqual(expect.arrayContaining(['anna@example.org', 'other@example.org']));

    const elsewhere = await lectern.graphql(OUTBOX, { conferenceId: conference.id }, { token: otherOrganiser });
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'conferenceId' });
    const publicly = await lectern.graphql(OUTBOX, {});
    expect(publicly.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(publicly.data?.outbox ?? null).toBeNull();

    const node = await lectern.graphql(
      `query ($id: ID!) { node(id: $id) { id ... on OutboxMail { to } } }`,
      { id: own[0].id },
      { token: otherOrganiser },
    );
    expect(node.data?.node ?? null).toBeNull();
    const found = await lectern.ok(
      `query ($id: ID!) { node(id: $id) { id ... on OutboxMail { to status } } }`,
      { id: own[0].id },
      { token: ownOrganiser },
    );
    expect(found.node).toMatchObject({ id: own[0].id, to: own[0].to, status: own[0].status });

    // A signed-in speaker reads no outbox, not even mails to them, and retries nothing.
    const speaker = await signInSpeaker(lectern, rowId((await programmeBuilder(lectern).speaker({ email: 'anna@example.org' })).id));
    const asSpeaker = await lectern.graphql(OUTBOX, {}, { headers: speaker.headers });
    expect(asSpeaker.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const retryAsSpeaker = await lectern.graphql(RETRY, { input: { id: own[0].id } }, { headers: speaker.headers });
    expect(retryAsSpeaker.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    const nodeAsSpeaker = await lectern.graphql(
      `query ($id: ID!) { node(id: $id) { id } }`,
      { id: own[0].id },
      { headers: speaker.headers },
    );
    expect(nodeAsSpeaker.data?.node ?? null).toBeNull();
  });

  it('sends each mail once when two instances share the database', async () => {
    second = await startLectern(settings());
    const recipients = Array.from({ length: 16 }, (_, index) => `crowd-${index}@example.org`);
    await send(
      lectern,
      recipients.map((to) => mailTo(to, conference)),
    );
    // Both hear of them at once, as two instances polling the same outbox would.
    second.app.get(MailOutbox).wake();
    for (const to of recipients) await eventually(() => smtp.to(to).length > 0, `the mail to ${to}`);
    await eventually(async () => {
      const rows = (await outbox({ first: 100 })).filter((mail) => mail.to.startsWith('crowd-'));
      return rows.length === recipients.length && rows.every((mail) => mail.status === 'SENT');
    }, 'every mail marked sent');
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const to of recipients) expect(smtp.to(to)).toHaveLength(1);
  });
});

describe('outgoing mail without SMTP_URL', () => {
  let lectern: Lectern;
  let conference: ConferenceRef;
  let otherOrganiser: string;
  let written: string[] = [];
  let writeSync: jest.SpyInstance;

  beforeAll(async () => {
    // The log goes to standard output through pino's synchronous writer.
    const realWriteSync = fs.writeSync.bind(fs) as (fd: number, ...rest: unknown[]) => number;
    writeSync = jest.spyOn(fs, 'writeSync').mockImplementation(((fd: number, ...rest: unknown[]) => {
      if (fd !== 1) return realWriteSync(fd, ...rest);
      written.push(String(rest[0]));
      return Buffer.byteLength(String(rest[0]));
    }) as typeof fs.writeSync);
    lectern = await startLectern({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' });
    const build = programmeBuilder(lectern);
    conference = await build.conference({ defaultLocale: 'sv' });
    const other = await build.conference();
    otherOrganiser = (await build.organiser({ conferences: [other] })).token;
  });

  afterAll(async () => {
    await lectern?.close();
    writeSync?.mockRestore();
  });

  it('keeps mails unsent, readable through outbox, and logs each once', async () => {
    written = [];
    await send(lectern, [mailTo('kept@example.org', conference)]);
    const logged = () =>
      written
        .flatMap((chunk) => chunk.split('\n'))
        .filter((text) => text.includes('kept@example.org'))
        .map((text) => JSON.parse(text) as { msg: string; to: string; subject: string });
    await eventually(() => logged().length > 0, 'the kept mail in the log');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const line = logged();
    expect(line).toHaveLength(1);
    expect(line[0]).toMatchObject({ to: 'kept@example.org', subject: 'Hej kept@example.org' });
    expect(line[0].msg).toContain('http://127.0.0.1/me/sign-in?token=abc');

    const [kept] = (await lectern.ok(OUTBOX, { conferenceId: conference.id }, { as: 'organiser' })).outbox.edges.map(
      (edge: { node: OutboxNode }) => edge.node,
    );
    expect(kept).toMatchObject({ to: 'kept@example.org', status: 'KEPT', attempts: 0, sentAt: null, kind: 'test' });
    expect(kept.text).toContain('Andra stycket.');
    expect(kept.html).toContain('<html lang="sv">');
    const elsewhere = await lectern.ok(OUTBOX, {}, { token: otherOrganiser });
    expect(elsewhere.outbox.totalCount).toBe(0);
    const retried = await lectern.graphql(RETRY, { input: { id: kept.id } }, { as: 'organiser' });
    expect(retried.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
