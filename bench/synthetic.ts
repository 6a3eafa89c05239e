import { AppearanceRole } from '../src/sessions/appearance.entity';
import { SessionFormat, SessionStatus } from '../src/sessions/session.entity';

/**
 * The synthetic conference, as plain data: what each speaker, session and line-up says. The same
 * size always gives the same programme (a seeded generator, no Math.random), so two runs of the
 * benchmark measure the same bytes.
 */

export const LOCALES = ['sv', 'en'] as const;
export const TIME_ZONE = 'Europe/Stockholm';
export const FIRST_DAY = '2030-05-06';
export const LAST_DAY = '2030-05-10';
export const DAYS = 5;
/** Hour-long slots from 08:00 local time; each room holds one session a slot. */
export const SLOTS_PER_DAY = 10;
const FIRST_SLOT_UTC_HOUR = 6; // 08:00 in Stockholm in May (CEST, UTC+2)
const SESSION_MINUTES = 45;

export interface ConferencePlan {
  sessions: number;
  rooms: number;
  tracks: number;
  speakers: number;
}

/** 2,000 sessions over 5 days, 40 rooms, 12 tracks and 1,200 speakers; other sizes keep those proportions. */
export function planFor(sessions: number): ConferencePlan {
  return {
    sessions,
    rooms: Math.max(1, Math.ceil(sessions / (DAYS * SLOTS_PER_DAY))),
    tracks: 12,
    speakers: Math.max(4, Math.round((sessions * 1200) / 2000)),
  };
}

export type Localised = Record<(typeof LOCALES)[number], string>;

export interface SpeakerData {
  slug: string;
  name: string;
  bio: Localised;
  photoUrl: string;
  links: { label: string; url: string }[];
}

export interface AppearanceData {
  /** 0-based index into the plan's speakers. */
  speaker: number;
  role: AppearanceRole;
  title: string;
  organisation: string;
}

export interface SessionData {
  title: Localised;
  abstract: Localised;
  format: SessionFormat;
  language: string;
  status: SessionStatus;
  /** 0-based indexes into the plan's rooms and tracks; a few sessions have no track. */
  room: number;
  track: number | null;
  startsAt: Date;
  endsAt: Date;
  lineUp: AppearanceData[];
}

const FIRST_NAMES = [
  'Åsa',
  'Björn',
  'Carin',
  'Dag',
  'Elin',
  'Fredrik',
  'Göran',
  'Hanna',
  'Ingrid',
  'Jörgen',
  'Karin',
  'Lars',
  'Maja',
  'Nils',
  'Olof',
  'Petra',
  'Rasmus',
  'Sofia',
  'Torbjörn',
  'Ulla',
  'Viktor',
  'Ylva',
  'Zoé',
  'Anders',
];
const LAST_NAMES = [
  'Andersson',
  'Bergström',
  'Carlsson',
  'Dahlén',
  'Ek',
  'Forsberg',
  'Gustafsson',
  'Hedlund',
  'Isaksson',
  'Järvinen',
  'Källström',
  'Lindqvist',
  'Magnusson',
  'Nordén',
  'Öberg',
  'Persson',
  'Quist',
  'Rosén',
  'Sandström',
  'Törnqvist',
  'Ulfsdotter',
  'Wallin',
  'Åkesson',
  'Ängström',
  'Lanér',
];
const ORGANISATIONS = [
  'Karlskrona kommun',
  'Umeå universitet',
  'Internetstiftelsen',
  'Region Västerbotten',
  'Sveriges Radio',
  'Skatteverket',
  'Ericsson',
  'Digg',
  'Bokmålsbyrån AS',
  'Open Knowledge Sverige',
];
const JOB_TITLES = ['kommundirektör', 'forskare', 'utvecklare', 'CTO', 'projektledare', 'journalist', 'generaldirektör', 'doktorand'];
const SUBJECTS_SV = [
  'öppna data',
  'digital förvaltning',
  'AI i vården',
  'säkerhet på nätet',
  'e-legitimation',
  'molntjänster',
  'tillgänglighet',
  'hållbar IT',
  'källkritik',
  'smarta städer',
  'integritet',
  'skolans digitalisering',
];
const SUBJECTS_EN = [
  'open data',
  'digital government',
  'AI in healthcare',
  'online security',
  'electronic ID',
  'cloud services',
  'accessibility',
  'sustainable IT',
  'source criticism',
  'smart cities',
  'privacy',
  'digital schools',
];
const ANGLES_SV = ['Lärdomar från', 'Framtiden för', 'Myter om', 'Så lyckas', 'Vem äger', 'Tio år med'];
const ANGLES_EN = ['Lessons from', 'The future of', 'Myths about', 'Getting right', 'Who owns', 'Ten years of'];

/** A small, fast, seeded generator (mulberry32): the same seed gives the same programme. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

export function speakerData(index: number): SpeakerData {
  const random = seeded(1000 + index);
  const name = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
  const organisation = pick(random, ORGANISATIONS);
  const subject = Math.floor(random() * SUBJECTS_SV.length);
  const slug = `speaker-${String(index + 1).padStart(5, '0')}`;
  return {
    slug,
    name,
    bio: {
      sv: `${name} arbetar med **${SUBJECTS_SV[subject]}** på ${organisation}.\n\nHar skrivit om ämnet i [en artikel](https://example.org/${slug}/sv) och föreläser ofta om:\n\n- ${SUBJECTS_SV[(subject + 1) % SUBJECTS_SV.length]}\n- ${SUBJECTS_SV[(subject + 2) % SUBJECTS_SV.length]}`,
      en: `${name} works on **${SUBJECTS_EN[subject]}** at ${organisation}.\n\nWrote about it in [an article](https://example.org/${slug}/en) and often speaks on:\n\n- ${SUBJECTS_EN[(subject + 1) % SUBJECTS_EN.length]}\n- ${SUBJECTS_EN[(subject + 2) % SUBJECTS_EN.length]}`,
    },
    photoUrl: `https://example.org/photos/${slug}.jpg`,
    links: [{ label: 'LinkedIn', url: `https://www.linkedin.com/in/${slug}` }],
  };
}

export function sessionData(index: number, plan: ConferencePlan): SessionData {
  const random = seeded(5000 + index);
  const room = index % plan.rooms;
  const day = Math.floor(index / plan.rooms) % DAYS;
  // Rooms fill day by day, slot by slot; a programme larger than the grid starts over at 08:00.
  const slot = Math.floor(index / (plan.rooms * DAYS)) % SLOTS_PER_DAY;
  const startsAt = new Date(Date.UTC(2030, 4, 6 + day, FIRST_SLOT_UTC_HOUR + slot, 0));
  const endsAt = new Date(startsAt.getTime() + SESSION_MINUTES * 60_000);
  const subject = Math.floor(random() * SUBJECTS_SV.length);
  const angle = Math.floor(random() * ANGLES_SV.length);
  const format =
    index % 50 === 0
      ? SessionFormat.KEYNOTE
      : index % 7 === 0
        ? SessionFormat.PANEL
        : index % 11 === 0
          ? SessionFormat.WORKSHOP
          : SessionFormat.TALK;
  const size = format === SessionFormat.PANEL ? 3 + Math.floor(random() * 2) : 1 + Math.floor(random() * 2);
  // Spread each line-up over the speakers: distinct within a session, every speaker used.
  const stride = Math.max(1, Math.floor(plan.speakers / 4));
  const lineUp: AppearanceData[] = [];
  for (let k = 0; k < size; k++) {
    lineUp.push({
      speaker: (index + k * stride) % plan.speakers,
      role: format === SessionFormat.PANEL ? (k === 0 ? AppearanceRole.MODERATOR : AppearanceRole.PANELIST) : AppearanceRole.SPEAKER,
      title: pick(random, JOB_TITLES),
      organisation: pick(random, ORGANISATIONS),
    });
  }
  const number = index + 1;
  return {
    title: {
      sv: `${ANGLES_SV[angle]} ${SUBJECTS_SV[subject]} (${number})`,
      en: `${ANGLES_EN[angle]} ${SUBJECTS_EN[subject]} (${number})`,
    },
    abstract: {
      sv: `Hur påverkar **${SUBJECTS_SV[subject]}** vardagen för medborgare och myndigheter? Passet går igenom erfarenheter från kommuner, regioner och företag, och vad som återstår att göra.\n\nVi tittar särskilt på:\n\n1. vad som fungerat,\n2. vad som inte gjort det,\n3. och vart vi är på väg.\n\nLäs mer på [programsidan](https://example.org/sessions/${number}).`,
      en: `How does **${SUBJECTS_EN[subject]}** change daily life for citizens and public bodies? The session goes through what municipalities, regions and companies have learnt, and what is left to do.\n\nWe look in particular at:\n\n1. what has worked,\n2. what has not,\n3. and where we are heading.\n\nRead more on [the programme page](https://example.org/sessions/${number}).`,
    },
    format,
    language: index % 5 === 0 ? 'en' : 'sv',
    status: index % 97 === 0 ? SessionStatus.TENTATIVE : SessionStatus.CONFIRMED,
    room,
    track: index % 25 === 24 ? null : index % plan.tracks,
    startsAt,
    endsAt,
    lineUp,
  };
}

/** As GraphQL takes a localised text: one entry per locale, in the order the column keeps them. */
export function asInput(text: Localised): { locale: string; text: string }[] {
  return LOCALES.map((locale) => ({ locale, text: text[locale] }));
}
