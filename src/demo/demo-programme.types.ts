import { LocalisedText } from '../common/localisation';
import { ConferenceStatus } from '../conferences/conference.entity';
import { AppearanceRole } from '../sessions/appearance.entity';
import { SessionFormat, SessionStatus } from '../sessions/session.entity';

/** The demo programme as plain data; the loader feeds it through the same services as the API. */
export interface DemoProgramme {
  speakers: DemoSpeaker[];
  conferences: DemoConference[];
}

export interface DemoSpeaker {
  slug: string;
  name: string;
  otherNames?: string[];
  /** Slugs of the other spellings, which lead to this person. */
  otherSlugs?: string[];
  bio: LocalisedText;
  photoUrl?: string;
  links?: { label: string; url: string }[];
}

export interface DemoConference {
  slug: string;
  name: string;
  series: string;
  edition: number;
  description: LocalisedText;
  /** YYYY-MM-DD, in the conference's time zone. */
  startDate: string;
  endDate: string;
  timeZone: string;
  defaultLocale: string;
  venue?: string;
  city: string;
  websiteUrl?: string;
  organiser?: string;
  status: ConferenceStatus;
  rooms: { slug: string; name: string; streamUrl?: string; capacity?: number }[];
  tracks: { slug: string; name: string; color?: string }[];
  sessions: DemoSession[];
  interviews: DemoInterview[];
}

export interface DemoSession {
  /** Names the session within this file, for interviews that refer to it. */
  key: string;
  title: LocalisedText;
  abstract: LocalisedText;
  format: SessionFormat;
  language: string;
  room?: string;
  track?: string;
  /** Local wall-clock times in the conference's zone, "YYYY-MM-DDTHH:mm"; both or neither. */
  start?: string;
  end?: string;
  status: SessionStatus;
  notes?: string;
  recordingUrl?: string;
  slidesUrl?: string;
  appearances: { speaker: string; role: AppearanceRole; title?: string; organisation?: string }[];
}

export interface DemoInterview {
  slug: string;
  title: LocalisedText;
  lead: LocalisedText;
  language: string;
  author?: string;
  /** YYYY-MM-DD */
  publishedOn?: string;
  sourceUrl?: string;
  /** The key of the session it is about, if any. */
  session?: string;
  speakers: string[];
  items: { question: LocalisedText; answer: LocalisedText; answeredBy?: string; askedBy?: string }[];
}
