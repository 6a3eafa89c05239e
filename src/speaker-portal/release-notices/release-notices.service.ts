import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { localise } from '../../common/localisation';
import { CalendarLinks } from '../../calendar/calendar-links.service';
import { Conference } from '../../conferences/conference.entity';
import { Transactions } from '../../database/transactions';
import { ProgrammeChange, ProgrammeEvents } from '../../events/programme-events';
import { MailOutbox } from '../../mail/mail-outbox';
import { PublishedProgramme, PublishedSession } from '../../published/published-programme';
import { ReleaseService } from '../../releases/release.service';
import { Changelog, SessionSlot } from '../../releases/release.types';
import { ScheduleRelease } from '../../releases/schedule-release.entity';
import { SessionStatus } from '../../sessions/session.entity';
import { Speaker } from '../../speakers/speaker.entity';
import { noticeCalendar } from './release-notice-calendar';
import { noticeLocale, releaseNoticeMail, SessionChange } from './release-notice-mails';

/** A changed session: what the mail says of it, and how the attached calendar shows it now. */
interface ChangedSession {
  change: SessionChange;
  event: PublishedSession;
  speakerIds: number[];
}

/**
 * Tells speakers when a release moved, cancelled or removed one of their sessions: one mail per
 * speaker with an e-mail address and release, listing their changed sessions, with an .ics of
 * them. The mails are written after the release committed, by the instance that made it; one that
 * stops in between loses that release's notices (the release itself stands).
 */
@Injectable()
export class ReleaseNotices implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ReleaseNotices.name);
  private stopListening?: () => void;
  private readonly writing = new Set<Promise<void>>();

  constructor(
    private readonly events: ProgrammeEvents,
    private readonly transactions: Transactions,
    private readonly releases: ReleaseService,
    private readonly outbox: MailOutbox,
    private readonly links: CalendarLinks,
  ) {}

  onModuleInit(): void {
    this.stopListening = this.events.listen((changes) => this.hear(changes));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopListening?.();
    await Promise.allSettled([...this.writing]);
  }

  private hear(changes: readonly ProgrammeChange[]): void {
    for (const change of changes) {
      if (change.kind !== 'RELEASE_PUBLISHED' || change.version === undefined) continue;
      const work: Promise<void> = this.tell(change.conferenceId, change.version)
        .catch((error: unknown) =>
          this.logger.error(
            `Release notices for release ${change.version} of conference ${change.conferenceId} could not be written: ${
              error instanceof Error ? (error.stack ?? error.message) : String(error)
            }`,
          ),
        )
        .finally(() => this.writing.delete(work));
      this.writing.add(work);
    }
  }

  private async tell(conferenceId: number, version: number): Promise<void> {
    const release = await this.releases.byVersion(conferenceId, version);
    const [log, programme] = await Promise.all([this.releases.changelogOf(release), this.releases.programmeOf(release)]);
    const changed = changedSessions(log, programme.conference.defaultLocale);
    if (changed.length === 0) return;
    const written = await this.transactions.runBookkeeping((manager) => this.write(manager, release, programme, changed));
    if (written > 0) this.outbox.wake();
  }

  private async write(
    manager: EntityManager,
    release: ScheduleRelease,
    programme: PublishedProgramme,
    changed: ChangedSession[],
  ): Promise<number> {
    const conference = await manager.findOneByOrFail(Conference, { id: release.conferenceId });
    const speakerIds = [...new Set(changed.flatMap((session) => session.speakerIds))];
    const speakers = await manager.findBy(Speaker, { id: In(speakerIds), email: Not(IsNull()) });
    const locale = noticeLocale(programme.conference.defaultLocale);
    const releaseName = release.name;
    for (const speaker of speakers) {
      const theirs = changed.filter((session) => session.speakerIds.includes(speaker.id));
      const mail = releaseNoticeMail({
        locale,
        speakerName: speaker.name,
        conferenceName: programme.conference.name,
        releaseName,
        timeZone: programme.conference.timeZone,
        changes: theirs.map((session) => session.change),
      });
      const calendar = noticeCalendar(
        {
          name: `${programme.conference.name}: ${speaker.name}`,
          description: mail.subject,
          feedUrl: this.links.conference(conference.slug),
          sessionUrl: (id) => this.links.session(id),
        },
        programme.conference,
        theirs.map((session) => session.event),
      );
      await this.outbox.enqueue(manager, {
        kind: 'release-notice',
        to: speaker.email!,
        locale,
        ...mail,
        conferenceId: conference.id,
        speakerId: speaker.id,
        attachments: [
          {
            filename: `${conference.slug}-${release.version}.ics`,
            contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            content: calendar,
          },
        ],
      });
    }
    return speakers.length;
  }
}

/** The sessions a speaker is told of: moved (time or room), cancelled, or gone from the programme. */
function changedSessions(log: Changelog, locale: string): ChangedSession[] {
  const changed = new Map<string, ChangedSession>();
  const titleOf = (session: PublishedSession) => localise(session.title, undefined, locale) ?? '';
  const speakersOf = (session: PublishedSession) => [...new Set(session.lineUp.map((appearance) => appearance.speakerId))];
  for (const { session, from, to } of log.moved) {
    const event = session.stored;
    changed.set(session.uid, { change: { title: titleOf(event), kind: 'moved', from, to }, event, speakerIds: speakersOf(event) });
  }
  for (const session of log.cancelled) {
    const event = session.stored;
    // Moved as it was cancelled: where it was is where the speaker last knew it.
    const was = changed.get(session.uid)?.change.from ?? slotOf(event);
    changed.set(session.uid, {
      change: { title: titleOf(event), kind: 'cancelled', from: was, to: was },
      event,
      speakerIds: speakersOf(event),
    });
  }
  for (const session of log.removed) {
    const old = session.stored;
    // Gone from the feed, it stays in a calendar as cancelled, as the feeds keep it (with a raised SEQUENCE).
    const event: PublishedSession = { ...old, status: SessionStatus.CANCELLED, revision: old.revision + 1 };
    const was = slotOf(old);
    changed.set(session.uid, { change: { title: titleOf(old), kind: 'removed', from: was, to: was }, event, speakerIds: speakersOf(old) });
  }
  return [...changed.values()];
}

function slotOf(session: PublishedSession): SessionSlot {
  return {
    startsAt: session.startsAt ? new Date(session.startsAt) : null,
    endsAt: session.endsAt ? new Date(session.endsAt) : null,
    room: session.room?.name ?? null,
  };
}
