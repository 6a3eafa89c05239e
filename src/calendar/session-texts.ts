import { localise } from '../common/localisation';
import { markdownToPlainText } from '../common/rich-text';
import { SessionStatus } from '../sessions/session.entity';
import { CalendarLabels, calendarLabels } from './calendar-labels';
import { CalendarSession } from './calendar-session';

/**
 * The words of one calendar entry, shared by the feeds and the "add to Google Calendar" link.
 * Texts are in the reader's locale, else the session's conference's default.
 */
export class SessionTexts {
  private readonly labels: CalendarLabels;

  constructor(
    private readonly session: CalendarSession,
    private readonly locale: string | undefined,
    private readonly link: string,
  ) {
    this.labels = calendarLabels(locale, session.conference.defaultLocale);
  }

  /** The title; a cancelled session says so up front, for the calendars that ignore STATUS. */
  summary(): string {
    const title = this.localised(this.session.title);
    return printable(this.session.status === SessionStatus.CANCELLED ? `${this.labels.cancelled}: ${title}` : title);
  }

  /**
   * The abstract, who takes part (role and affiliation), the conference and a link to the session.
   * `lead` goes first (the real times of an all-day entry); `abstractMax` cuts a long abstract.
   */
  description({ lead, abstractMax }: { lead?: string; abstractMax?: number } = {}): string {
    const { session, labels } = this;
    const lineUp = session.lineUp.map(({ role, speakerName, title, organisation }) => {
      const affiliation = [title, organisation].filter(Boolean).join(', ');
      return `${labels.role[role]}: ${speakerName}${affiliation ? ` (${affiliation})` : ''}`;
    });
    const conference = [session.conference.name, session.conference.websiteUrl].filter(Boolean).join(' – ');
    // An online room already gives its stream as the location.
    const stream = session.room?.streamUrl ? null : this.streamUrl();
    const paragraphs = [
      lead,
      shortened(markdownToPlainText(this.localised(session.abstract)), abstractMax),
      lineUp.join('\n'),
      [conference, stream && `${labels.stream}: ${stream}`, this.link].filter(Boolean).join('\n'),
    ];
    return printable(paragraphs.filter(Boolean).join('\n\n'));
  }

  /** Room, venue and city; for an online room, the room and where it streams. */
  location(): string {
    const { room, conference } = this.session;
    const stream = this.streamUrl();
    const parts = room?.streamUrl ? [room.name, stream] : [room?.name, conference.venue, conference.city];
    // A room named like its venue is named once.
    const distinct = parts.filter((part, i): part is string => !!part && parts.indexOf(part) === i);
    return printable(distinct.join(', '));
  }

  categories(): string[] {
    const categories = [this.session.track?.name, this.labels.format[this.session.format]].filter((c): c is string => !!c).map(printable);
    return [...new Set(categories)];
  }

  /** Where the session can be watched (its own stream, else its room's), named after an online room. */
  stream(): { url: string; label: string } | null {
    const url = this.streamUrl();
    if (!url) return null;
    const { room } = this.session;
    return { url, label: printable(room?.streamUrl ? room.name : this.labels.stream) };
  }

  private streamUrl(): string | null {
    return this.session.streamUrl ?? this.session.room?.streamUrl ?? null;
  }

  private localised(text: Record<string, string>): string {
    return localise(text, this.locale, this.session.conference.defaultLocale) ?? '';
  }
}

/** Cuts between characters, never inside an emoji's surrogate pair. */
function shortened(text: string, max: number | undefined): string {
  const characters = [...text];
  return max === undefined || characters.length <= max ? text : `${characters.slice(0, max).join('').trimEnd()}…`;
}

/**
 * Drops control characters other than tab and line breaks: iCalendar TEXT has no place for them, and
 * some clients stop reading a file at one. Line breaks and separators are escaped by ical-generator.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}
