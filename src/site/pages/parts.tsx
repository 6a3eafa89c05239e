import { PublishedAppearance, PublishedSession } from '../../published/published-programme';
import { clock, inZone, languageName, PageContext, sameLanguage, textOf, zoneAbbreviation } from '../site-context';
import { localDay, rememberedBy } from './local-days';

/*
 * Pieces every page shares: a session's times, title and line-up, its star, and the subscribe
 * links of a feed. Times are written in the conference's zone; each carries its instant
 * (`datetime`), which the script rewrites in the reader's own zone when asked.
 */

/** A localised text in its own `lang`, marked when it is not in the language asked for. */
export function Localised({
  context,
  text,
  block,
}: {
  context: PageContext;
  text: Record<string, string> | null | undefined;
  block?: boolean;
}) {
  const { text: shown, locale } = textOf(context, text);
  if (shown === null) return null;
  const other = locale !== null && !sameLanguage(locale, context.language);
  const Tag = block ? 'div' : 'span';
  return (
    <Tag lang={locale ?? undefined}>
      {shown}
      {other && <span class="other-language"> ({context.t('content.inLanguage', { language: languageLabel(context, locale!) })})</span>}
    </Tag>
  );
}

const languageLabels = rememberedBy((language, locale) => languageName(locale, language));

export function languageLabel(context: PageContext, locale: string): string {
  return languageLabels(context.language, locale);
}

const clocks = rememberedBy((zoneAndLanguage, instant) => {
  const [zone, language] = zoneAndLanguage.split('|');
  return clock(instant, zone, language as PageContext['language']);
});

/** "09:00–09:45 CET", each clock a `<time>` the zone switch can rewrite. */
export function TimeSpan({
  context,
  session,
  zone,
  withDay,
}: {
  context: PageContext;
  session: PublishedSession;
  zone: string;
  withDay?: boolean;
}) {
  if (!session.startsAt || !session.endsAt) return <span class="unscheduled">{context.t('session.unscheduled')}</span>;
  const spansDays = localDay(session.startsAt, zone) !== localDay(session.endsAt, zone);
  const format = withDay || spansDays ? 'day-time' : 'time';
  const label = (instant: string) =>
    format === 'day-time'
      ? inZone(instant, zone, context.language).toFormat('ccc d LLL HH:mm')
      : clocks(`${zone}|${context.language}`, instant);
  return (
    <span class="time-span">
      <time datetime={session.startsAt} data-format={format}>
        {label(session.startsAt)}
      </time>
      {'–'}
      <time datetime={session.endsAt} data-format={format}>
        {label(session.endsAt)}
      </time>{' '}
      <abbr class="zone" data-zone title={zone}>
        {zoneAbbreviation(session.startsAt, zone, context.language)}
      </abbr>
    </span>
  );
}

export function LineUp({ context, lineUp }: { context: PageContext; lineUp: PublishedAppearance[] }) {
  if (lineUp.length === 0) return null;
  return (
    <ul class="line-up">
      {lineUp.map((appearance) => (
        <li>
          <a href={context.addresses.page(`/speakers/${appearance.speakerSlug}`)}>{appearance.speakerName}</a>
          {affiliation(appearance) && <span class="affiliation">, {affiliation(appearance)}</span>}
          {appearance.role !== 'SPEAKER' && <span class="role"> ({context.t(`role.${appearance.role}`)})</span>}
        </li>
      ))}
    </ul>
  );
}

/** Title and organisation as they were at this session. */
export function affiliation(appearance: Pick<PublishedAppearance, 'title' | 'organisation'>): string {
  return [appearance.title, appearance.organisation].filter(Boolean).join(', ');
}

/** The star: a form that works without the script (the script sends it in place and shows the state). */
export function Star({ context, conferenceSlug, session }: { context: PageContext; conferenceSlug: string; session: PublishedSession }) {
  if (!context.addresses.served) return null;
  const title = textOf(context, session.title).text ?? '';
  return (
    <form class="star" method="post" action={context.addresses.page(`/${conferenceSlug}/agenda`)} data-session={session.id}>
      <input type="hidden" name="session" value={String(session.id)} />
      <input type="hidden" name="action" value="add" />
      <button type="submit" aria-pressed="false" aria-label={context.t('star.add', { title })}>
        <span aria-hidden="true">☆</span> <span class="star-text">{context.t('star.star')}</span>
      </button>
    </form>
  );
}

export interface FeedLinks {
  https: string;
  webcal: string;
  download: string;
}

export interface EventLinks {
  google: string;
  outlook: string;
  office365: string;
}

/**
 * Subscribe (a calendar that follows every change) and, for one session, add it once. Calendar
 * services subscribe to an address through their own "add from web" pages, which calendar-link
 * does not make (it makes one-off events), hence the three addresses written here.
 */
export function Subscribe({
  context,
  feed,
  name,
  event,
}: {
  context: PageContext;
  feed: FeedLinks;
  name: string;
  event?: EventLinks | null;
}) {
  const { t } = context;
  const subscribe = encodeURIComponent(feed.webcal);
  const https = encodeURIComponent(feed.https);
  const title = encodeURIComponent(name);
  return (
    <div class="subscribe">
      <p class="subscribe-title">{t('subscribe.title')}</p>
      <ul class="actions">
        <li>
          <a class="button primary" href={feed.webcal}>
            {t('subscribe.webcal')}
          </a>
        </li>
        <li>
          <a class="button" href={`https://calendar.google.com/calendar/render?cid=${subscribe}`} rel="noopener">
            {t('subscribe.google')}
          </a>
        </li>
        <li>
          <a class="button" href={`https://outlook.live.com/calendar/0/addfromweb?url=${https}&name=${title}`} rel="noopener">
            {t('subscribe.outlook')}
          </a>
        </li>
        <li>
          <a class="button" href={`https://outlook.office.com/calendar/0/addfromweb?url=${https}&name=${title}`} rel="noopener">
            {t('subscribe.office365')}
          </a>
        </li>
        <li>
          <a class="button" href={feed.download} download>
            {t('subscribe.download')}
          </a>
        </li>
      </ul>
      {event && (
        <>
          <p class="subscribe-title">{t('subscribe.addOnce')}</p>
          <ul class="actions">
            <li>
              <a class="button" href={event.google} rel="noopener">
                {t('subscribe.google')}
              </a>
            </li>
            <li>
              <a class="button" href={event.outlook} rel="noopener">
                {t('subscribe.outlook')}
              </a>
            </li>
            <li>
              <a class="button" href={event.office365} rel="noopener">
                {t('subscribe.office365')}
              </a>
            </li>
          </ul>
        </>
      )}
    </div>
  );
}

/** The note under every programme: which zone the times are in, and the switch the script adds. */
export function ZoneNote({ context, zone }: { context: PageContext; zone: string }) {
  return (
    <p class="zone-note" data-conference-zone={zone}>
      <span
        class="zone-text"
        data-text-own={context.t('zone.own', { zone: '{zone}' })}
        data-text-conference={context.t('zone.conference', { zone })}
      >
        {context.t('zone.conference', { zone })}
      </span>{' '}
      <button
        type="button"
        class="zone-switch"
        hidden
        data-label-own={context.t('zone.showOwn')}
        data-label-conference={context.t('zone.showConference')}
      >
        {context.t('zone.showOwn')}
      </button>
    </p>
  );
}

/** Links to interviews, under a heading of their own. */
export function InterviewLinks(props: {
  context: PageContext;
  heading: string;
  interviews: { slug: string; title: Record<string, string> }[];
}) {
  const { context } = props;
  if (props.interviews.length === 0) return null;
  return (
    <section aria-labelledby="interviews">
      <h2 id="interviews">{props.heading}</h2>
      <ul>
        {props.interviews.map((interview) => (
          <li>
            <a href={context.addresses.page(`/interviews/${interview.slug}`)}>
              <Localised context={context} text={interview.title} />
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
