import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { RequestContext } from '../auth/request-context';
import { Conference } from '../conferences/conference.entity';
import { ConferenceLoader } from '../conferences/conference.loader';
import { Room } from '../conferences/room.entity';
import { Track } from '../conferences/track.entity';
import { Session } from '../sessions/session.entity';
import { SessionFilter } from '../sessions/session.inputs';
import { Speaker } from '../speakers/speaker.entity';
import { CalendarLinks } from './calendar-links.service';
import { CalendarFeed, FeedArgs } from './calendar.types';
import { CalendarEntryLoader } from './calendar-entry.loader';

/*
 * The feed addresses on the programme's types. They are resolved here, below the programme, so
 * the programme never knows about its calendar feeds.
 */

@Resolver(() => Conference)
export class ConferenceCalendarResolver {
  constructor(private readonly links: CalendarLinks) {}

  @ResolveField(() => CalendarFeed, { description: "The programme as a calendar feed; the filter is the `sessions` query's." })
  calendar(
    @Parent() conference: Conference,
    @Args() options: FeedArgs,
    @Args('filter', { nullable: true, description: 'Narrows the feed as it narrows `sessions`.' }) filter?: SessionFilter,
  ) {
    return this.links.addresses((query) => this.links.conference(conference.slug, query), { ...options, filter }, { withFilter: true });
  }
}

@Resolver(() => Track)
export class TrackCalendarResolver {
  constructor(
    private readonly links: CalendarLinks,
    private readonly conferences: ConferenceLoader,
  ) {}

  @ResolveField(() => CalendarFeed, { description: "The track's sessions as a calendar feed." })
  async calendar(@Parent() track: Track, @Args() options: FeedArgs, @Context() context: RequestContext) {
    const conference = (await this.conferences.conference(context, track.conferenceId))!;
    return this.links.addresses((query) => this.links.track(conference.slug, track.slug, query), options);
  }
}

@Resolver(() => Room)
export class RoomCalendarResolver {
  constructor(
    private readonly links: CalendarLinks,
    private readonly conferences: ConferenceLoader,
  ) {}

  @ResolveField(() => CalendarFeed, { description: "The room's sessions as a calendar feed." })
  async calendar(@Parent() room: Room, @Args() options: FeedArgs, @Context() context: RequestContext) {
    const conference = (await this.conferences.conference(context, room.conferenceId))!;
    return this.links.addresses((query) => this.links.room(conference.slug, room.slug, query), options);
  }
}

@Resolver(() => Speaker)
export class SpeakerCalendarResolver {
  constructor(private readonly links: CalendarLinks) {}

  @ResolveField(() => CalendarFeed, { description: "The speaker's sessions at every conference as a calendar feed." })
  calendar(@Parent() speaker: Speaker, @Args() options: FeedArgs) {
    return this.links.addresses((query) => this.links.speaker(speaker.slug, query), options);
  }
}

@Resolver(() => Session)
export class SessionCalendarResolver {
  constructor(
    private readonly links: CalendarLinks,
    private readonly entries: CalendarEntryLoader,
  ) {}

  @ResolveField(() => CalendarFeed, { description: 'This one session as a calendar feed ("add to calendar", kept up to date).' })
  calendar(@Parent() session: Session, @Args() options: FeedArgs) {
    return this.links.addresses((query) => this.links.session(session.id, query), options);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      "Google Calendar's page to add this session (once), as its calendar feed shows it; empty while unscheduled or not in the published programme (organisers get their own view).",
  })
  async googleCalendarUrl(
    @Parent() session: Session,
    @Context() context: RequestContext,
    @Args('locale', { nullable: true, description: 'The language wanted (BCP 47), e.g. "sv"; else chosen as the field says.' })
    locale?: string,
  ) {
    return (await this.addToCalendar(session, context, locale))?.google ?? null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: "Outlook.com's page to add this session (once), times in UTC; empty when `googleCalendarUrl` is.",
  })
  async outlookCalendarUrl(
    @Parent() session: Session,
    @Context() context: RequestContext,
    @Args('locale', { nullable: true, description: 'The language wanted (BCP 47), e.g. "sv"; else chosen as the field says.' })
    locale?: string,
  ) {
    return (await this.addToCalendar(session, context, locale))?.outlook ?? null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      "Office 365's (Outlook for work or school) page to add this session (once), times in UTC; empty when `googleCalendarUrl` is.",
  })
  async office365CalendarUrl(
    @Parent() session: Session,
    @Context() context: RequestContext,
    @Args('locale', { nullable: true, description: 'The language wanted (BCP 47), e.g. "sv"; else chosen as the field says.' })
    locale?: string,
  ) {
    return (await this.addToCalendar(session, context, locale))?.office365 ?? null;
  }

  private async addToCalendar(session: Session, context: RequestContext, locale: string | undefined) {
    if (!session.startsAt || !session.endsAt) return null;
    const entry = await this.entries.entry(context, session);
    return entry && this.links.addToCalendar(entry, locale);
  }
}
