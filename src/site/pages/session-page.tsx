import { inFormat, TextFormat } from '../../common/rich-text';
import { Conference } from '../../conferences/conference.entity';
import { PublishedSession } from '../../published/published-programme';
import { Speaker } from '../../speakers/speaker.entity';
import { PageContext, textOf } from '../site-context';
import { EventLinks, FeedLinks, InterviewLinks, Localised, Star, Subscribe, TimeSpan, ZoneNote, affiliation, languageLabel } from './parts';

export interface SessionPageData {
  conference: Conference;
  session: PublishedSession;
  /** The people of its line-up, for their photos. */
  speakers: Speaker[];
  interviews: { slug: string; title: Record<string, string> }[];
  feed: FeedLinks;
  event: EventLinks | null;
}

export function SessionPage({ context, data }: { context: PageContext; data: SessionPageData }) {
  const { t } = context;
  const { conference, session } = data;
  const abstract = textOf(context, session.abstract);
  const html = abstract.text === null ? null : inFormat(abstract.text, TextFormat.HTML);
  const stream = session.streamUrl ?? session.room?.streamUrl ?? null;
  const cancelled = session.status === 'CANCELLED';
  return (
    <article class={`session-page${cancelled ? ' cancelled' : ''}`}>
      <p class="breadcrumb">
        <a href={context.addresses.page(`/${conference.slug}`)}>{conference.name}</a>
      </p>
      <h1>
        <Localised context={context} text={session.title} />
      </h1>
      {cancelled && <p class="badge cancelled-badge">{t('session.cancelled')}</p>}
      <dl class="facts-list">
        <dt>{t('session.when')}</dt>
        <dd>
          <TimeSpan context={context} session={session} zone={conference.timeZone} withDay />
        </dd>
        {session.room && (
          <>
            <dt>{t('session.room')}</dt>
            <dd>
              <a href={context.addresses.page(`/${conference.slug}`, new URLSearchParams({ room: session.room.slug }))}>
                {session.room.name}
              </a>
              {stream && (
                <>
                  {' · '}
                  <a href={stream} rel="noopener">
                    {t('session.stream')}
                  </a>
                </>
              )}
            </dd>
          </>
        )}
        {session.track && (
          <>
            <dt>{t('session.track')}</dt>
            <dd>
              <a href={context.addresses.page(`/${conference.slug}`, new URLSearchParams({ track: session.track.slug }))}>
                {session.track.name}
              </a>
            </dd>
          </>
        )}
        <dt>{t('session.format')}</dt>
        <dd>{t(`format.${session.format}`)}</dd>
        <dt>{t('session.language')}</dt>
        <dd>{languageLabel(context, session.language)}</dd>
      </dl>
      <ZoneNote context={context} zone={conference.timeZone} />
      {html !== null && (
        <section class="abstract" lang={abstract.locale ?? undefined} aria-label={t('session.abstract')}>
          <div dangerouslySetInnerHTML={{ __html: html }} />
        </section>
      )}
      {session.lineUp.length > 0 && (
        <section aria-labelledby="speakers">
          <h2 id="speakers">{t('session.speakers')}</h2>
          <ul class="people">
            {session.lineUp.map((appearance) => {
              const person = data.speakers.find((speaker) => speaker.id === appearance.speakerId);
              const photo = person?.photoUrl && /^https?:/i.test(person.photoUrl) ? person.photoUrl : null;
              return (
                <li class="person">
                  {photo && (
                    <img
                      src={photo}
                      alt={textOf(context, person!.photoAlt).text ?? appearance.speakerName}
                      width={person!.photoWidth ?? 96}
                      height={person!.photoHeight ?? 96}
                      loading="lazy"
                    />
                  )}
                  <a href={context.addresses.page(`/speakers/${appearance.speakerSlug}`)}>{appearance.speakerName}</a>
                  {affiliation(appearance) && <span class="affiliation">{affiliation(appearance)}</span>}
                  {appearance.role !== 'SPEAKER' && <span class="role">{t(`role.${appearance.role}`)}</span>}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <InterviewLinks context={context} heading={t('session.interviews')} interviews={data.interviews} />
      {!cancelled && <Star context={context} conferenceSlug={conference.slug} session={session} />}
      <Subscribe context={context} feed={data.feed} name={textOf(context, session.title).text ?? conference.name} event={data.event} />
      {(session.recordingUrl || session.slidesUrl) && (
        <ul class="links">
          {session.recordingUrl && (
            <li>
              <a href={session.recordingUrl}>{t('session.recording')}</a>
            </li>
          )}
          {session.slidesUrl && (
            <li>
              <a href={session.slidesUrl}>{t('session.slides')}</a>
            </li>
          )}
        </ul>
      )}
    </article>
  );
}

/** schema.org's Event for a session, for search engines and link previews. */
export function sessionEvent(context: PageContext, data: SessionPageData): object {
  const { conference, session } = data;
  const online = !!(session.streamUrl ?? session.room?.streamUrl);
  const place = {
    '@type': 'Place',
    name: [session.room?.name, conference.venue].filter(Boolean).join(', ') || conference.city || conference.name,
    address: conference.city ?? undefined,
  };
  const virtual = { '@type': 'VirtualLocation', url: session.streamUrl ?? session.room?.streamUrl };
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: textOf(context, session.title).text,
    description: textOf(context, session.abstract).text ?? undefined,
    startDate: session.startsAt ?? undefined,
    endDate: session.endsAt ?? undefined,
    inLanguage: session.language,
    eventStatus: session.status === 'CANCELLED' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
    eventAttendanceMode: online ? 'https://schema.org/MixedEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode',
    location: online ? [place, virtual] : place,
    performer: session.lineUp.map((appearance) => ({
      '@type': 'Person',
      name: appearance.speakerName,
      jobTitle: appearance.title ?? undefined,
      affiliation: appearance.organisation ? { '@type': 'Organization', name: appearance.organisation } : undefined,
      url: `${context.publicBaseUrl}/speakers/${appearance.speakerSlug}`,
    })),
    superEvent: { '@type': 'Event', name: conference.name, url: `${context.publicBaseUrl}/${conference.slug}` },
    url: `${context.publicBaseUrl}/${conference.slug}/sessions/${session.id}`,
  };
}
