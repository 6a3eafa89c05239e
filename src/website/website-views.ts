import { DateTime } from 'luxon';
import { LocaleWishes, LocalisedText, localise, negotiateLocale } from '../common/localisation';
import { inFormat, TextFormat } from '../common/rich-text';
import { Conference } from '../conferences/conference.entity';
import { PublishedAppearance } from '../published/published-programme';
import { Speaker } from '../speakers/speaker.entity';
import { PublicInterview, PublicSession, PublicSpeaker } from './website-reader.service';

/*
 * The JSON documents websites read (and the embeds render). Every field is public: no e-mail, no
 * draft, no internal id other than a session's (which names its calendar feed).
 */

export interface SessionLinks {
  /** The session's own calendar feed, and the calendars' "add" pages (empty while unscheduled). */
  calendar(session: PublicSession, locale: string): SessionCalendarView;
}

/** The session's feed (to subscribe, or `download` as a file) and each calendar's "add" page. */
export interface SessionCalendarView {
  https: string;
  webcal: string;
  download: string;
  google: string | null;
  outlook: string | null;
  office365: string | null;
}

export interface PhotoView {
  url: string;
  width: number | null;
  height: number | null;
  alt: string | null;
}

export interface ConferenceView {
  slug: string;
  name: string;
  startDate: string;
  endDate: string;
  timeZone: string;
  defaultLocale: string;
  city: string | null;
  websiteUrl: string | null;
}

export interface SessionView {
  id: string;
  title: string | null;
  abstract: string | null;
  format: string;
  status: string;
  language: string;
  /** UTC instants; empty while unscheduled. */
  startsAt: string | null;
  endsAt: string | null;
  /** The same instants in the conference's zone, with their offset. */
  localStartsAt: string | null;
  localEndsAt: string | null;
  timeZone: string;
  room: string | null;
  track: string | null;
  calendar: SessionCalendarView;
  conference: ConferenceView;
}

export interface AppearanceView {
  role: string;
  /** Title and organisation at the time of this session. */
  title: string | null;
  organisation: string | null;
  affiliation: string | null;
  session: SessionView;
}

export interface PersonView {
  slug: string;
  name: string;
}

export interface InterviewItemView {
  question: string | null;
  answer: string | null;
  askedBy: string | null;
  answeredBy: PersonView | null;
}

export interface InterviewView {
  slug: string;
  locale: string;
  format: TextFormat;
  title: string | null;
  lead: string | null;
  language: string;
  author: string | null;
  publishedOn: string | null;
  sourceUrl: string | null;
  conference: { slug: string; name: string } | null;
  speakers: PersonView[];
  items: InterviewItemView[];
}

export interface SpeakerView {
  slug: string;
  name: string;
  locale: string;
  format: TextFormat;
  bio: string | null;
  /** The affiliation of the latest appearance shown: what a card puts under the name. */
  affiliation: string | null;
  photo: PhotoView | null;
  links: { label: string; url: string }[];
  appearances: AppearanceView[];
  interviews: InterviewView[];
}

export interface SpeakerWallView {
  locale: string;
  format: TextFormat;
  conference: ConferenceView;
  speakers: SpeakerView[];
}

export interface ViewRequest {
  wishes: LocaleWishes;
  format: TextFormat;
  links: SessionLinks;
}

/**
 * A document is in one locale, negotiated once against the texts it is mainly about (the bio,
 * the interview's title): the explicit locale, else Accept-Language, else the owner's default.
 * Each text then takes that locale, else its own owner's default.
 */
export function speakerView(entry: PublicSpeaker, request: ViewRequest): SpeakerView {
  const locale = documentLocale([entry.speaker.bio], { ...request.wishes, fallback: entry.defaultLocale });
  return speakerIn(entry, locale, request);
}

export function speakerWallView(conference: Conference, speakers: PublicSpeaker[], request: ViewRequest): SpeakerWallView {
  const locale = documentLocale([{ [conference.defaultLocale]: '' }, ...speakers.map((s) => s.speaker.bio)], {
    ...request.wishes,
    fallback: conference.defaultLocale,
  });
  return {
    locale,
    format: request.format,
    conference: conferenceView(conference),
    speakers: speakers.map((entry) => speakerIn({ ...entry, defaultLocale: conference.defaultLocale }, locale, request)),
  };
}

export function interviewView(entry: PublicInterview, request: ViewRequest): InterviewView {
  const { interview } = entry;
  const locale = documentLocale([interview.title], { ...request.wishes, fallback: interview.language });
  return interviewIn(entry, locale, request.format);
}

function documentLocale(texts: LocalisedText[], wishes: LocaleWishes): string {
  const available = [...new Set(texts.flatMap((text) => Object.keys(text ?? {})))];
  return negotiateLocale(available, wishes) ?? wishes.fallback ?? wishes.explicit ?? 'und';
}

function speakerIn(entry: PublicSpeaker, locale: string, request: ViewRequest): SpeakerView {
  const { speaker } = entry;
  const appearances = entry.appearances.map(({ appearance, session }) => appearanceView(appearance, session, locale, request));
  return {
    slug: speaker.slug,
    name: speaker.name,
    locale,
    format: request.format,
    bio: inFormat(localise(speaker.bio, locale, entry.defaultLocale), request.format),
    affiliation: appearances.at(-1)?.affiliation ?? null,
    photo: photoView(speaker, locale, entry.defaultLocale),
    links: speaker.links.map(({ label, url }) => ({ label, url })),
    appearances,
    interviews: entry.interviews.map((interview) => interviewIn(interview, locale, request.format)),
  };
}

function photoView(speaker: Speaker, locale: string, fallback: string | undefined): PhotoView | null {
  if (!speaker.photoUrl) return null;
  return {
    url: speaker.photoUrl,
    width: speaker.photoWidth,
    height: speaker.photoHeight,
    alt: localise(speaker.photoAlt, locale, fallback),
  };
}

function appearanceView(appearance: PublishedAppearance, session: PublicSession, locale: string, request: ViewRequest): AppearanceView {
  const { title, organisation } = appearance;
  return {
    role: appearance.role,
    title,
    organisation,
    affiliation: [title, organisation].filter(Boolean).join(', ') || null,
    session: sessionView(session, locale, request),
  };
}

/** The session as the version of the programme it was read from has it; the conference's own texts as they are now. */
function sessionView({ session, view }: PublicSession, locale: string, request: ViewRequest): SessionView {
  const { conference } = view;
  const local = (instant: string | null) =>
    instant === null ? null : DateTime.fromISO(instant, { zone: conference.timeZone }).toISO({ suppressMilliseconds: true });
  return {
    id: String(session.id),
    title: localise(session.title, locale, conference.defaultLocale),
    abstract: inFormat(localise(session.abstract, locale, conference.defaultLocale), request.format),
    format: session.format,
    status: session.status,
    language: session.language,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    localStartsAt: local(session.startsAt),
    localEndsAt: local(session.endsAt),
    timeZone: conference.timeZone,
    room: session.room?.name ?? null,
    track: session.track?.name ?? null,
    calendar: request.links.calendar({ session, view }, locale),
    conference: conferenceView(conference),
  };
}

function conferenceView(conference: Conference): ConferenceView {
  const { slug, name, startDate, endDate, timeZone, defaultLocale, city, websiteUrl } = conference;
  return { slug, name, startDate, endDate, timeZone, defaultLocale, city, websiteUrl };
}

function interviewIn(entry: PublicInterview, locale: string, format: TextFormat): InterviewView {
  const { interview } = entry;
  const text = (value: LocalisedText) => localise(value, locale, interview.language);
  const person = (speaker: Speaker): PersonView => ({ slug: speaker.slug, name: speaker.name });
  return {
    slug: interview.slug,
    locale,
    format,
    title: text(interview.title),
    lead: inFormat(text(interview.lead), format),
    language: interview.language,
    author: interview.author,
    publishedOn: interview.publishedOn,
    sourceUrl: interview.sourceUrl,
    conference: entry.conference ? { slug: entry.conference.slug, name: entry.conference.name } : null,
    speakers: entry.speakers.map(person),
    items: entry.items.map((item) => {
      const answeredBy = entry.speakers.find((speaker) => speaker.id === item.answeredById);
      return {
        question: text(item.question),
        answer: inFormat(text(item.answer), format),
        askedBy: item.askedBy,
        answeredBy: answeredBy ? person(answeredBy) : null,
      };
    }),
  };
}
