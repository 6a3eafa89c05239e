import { inFormat, TextFormat } from '../../common/rich-text';
import { Conference } from '../../conferences/conference.entity';
import { Speaker } from '../../speakers/speaker.entity';
import { PublicInterview, PublicSpeaker } from '../../website/website-reader.service';
import { PageContext, textOf } from '../site-context';
import { FeedLinks, InterviewLinks, Localised, Subscribe, TimeSpan, ZoneNote, affiliation } from './parts';

/** A speaker's photo, when it is an http(s) address, with its alternative text in the reader's language. */
function Photo({ context, speaker, size }: { context: PageContext; speaker: Speaker; size: number }) {
  if (!speaker.photoUrl || !/^https?:/i.test(speaker.photoUrl)) return null;
  return (
    <img
      class="photo"
      src={speaker.photoUrl}
      alt={textOf(context, speaker.photoAlt).text ?? speaker.name}
      width={speaker.photoWidth ?? size}
      height={speaker.photoHeight ?? size}
      loading="lazy"
    />
  );
}

/** Rich text (Markdown, raw HTML off) in the reader's language, in its own `lang`. */
function RichText({ context, text }: { context: PageContext; text: Record<string, string> | null | undefined }) {
  const { text: source, locale } = textOf(context, text);
  const html = source === null ? null : inFormat(source, TextFormat.HTML);
  return html === null ? null : <div class="rich-text" lang={locale ?? undefined} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function SpeakersPage({
  context,
  conference,
  speakers,
}: {
  context: PageContext;
  conference: Conference;
  speakers: PublicSpeaker[];
}) {
  const { t } = context;
  return (
    <>
      <h1>{t('speakers.title', { conference: conference.name })}</h1>
      <ul class="people wall">
        {speakers.map(({ speaker, appearances }) => {
          const last = appearances.at(-1)?.appearance;
          return (
            <li class="person">
              <Photo context={context} speaker={speaker} size={96} />
              <a href={context.addresses.page(`/speakers/${speaker.slug}`)}>{speaker.name}</a>
              {last && affiliation(last) && <span class="affiliation">{affiliation(last)}</span>}
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function SpeakerPage({ context, entry, feed }: { context: PageContext; entry: PublicSpeaker; feed: FeedLinks }) {
  const { t } = context;
  const { speaker } = entry;
  const zones = [...new Set(entry.appearances.map(({ session }) => session.view.conference.timeZone))];
  return (
    <article class="speaker-page">
      <h1>{speaker.name}</h1>
      <Photo context={context} speaker={speaker} size={160} />
      <RichText context={context} text={speaker.bio} />
      {speaker.links.length > 0 && (
        <ul class="links">
          {speaker.links
            .filter((link) => /^https?:/i.test(link.url))
            .map((link) => (
              <li>
                <a href={link.url} rel="noopener me">
                  {link.label}
                </a>
              </li>
            ))}
        </ul>
      )}
      <section aria-labelledby="appearances">
        <h2 id="appearances">{t('speaker.appearances')}</h2>
        <ol class="sessions">
          {entry.appearances.map(({ appearance, session: { session, view } }) => (
            <li class={`session${session.status === 'CANCELLED' ? ' cancelled' : ''}`}>
              <h3 class="title">
                <a href={context.addresses.page(`/${view.conference.slug}/sessions/${session.id}`)}>
                  <Localised context={context} text={session.title} />
                </a>
                {session.status === 'CANCELLED' && <strong class="badge cancelled-badge"> {t('session.cancelled')}</strong>}
              </h3>
              <p class="facts">
                <a href={context.addresses.page(`/${view.conference.slug}`)}>{view.conference.name}</a>
                {' · '}
                <TimeSpan context={context} session={session} zone={view.conference.timeZone} withDay />
              </p>
              {affiliation(appearance) && <p class="affiliation">{affiliation(appearance)}</p>}
            </li>
          ))}
        </ol>
        {zones.map((zone) => (
          <ZoneNote context={context} zone={zone} />
        ))}
      </section>
      <InterviewLinks context={context} heading={t('speaker.interviews')} interviews={entry.interviews.map(({ interview }) => interview)} />
      <Subscribe context={context} feed={feed} name={speaker.name} />
    </article>
  );
}

export function InterviewPage({ context, entry }: { context: PageContext; entry: PublicInterview }) {
  const { t } = context;
  const { interview } = entry;
  const nameOf = (id: number | null) => entry.speakers.find((speaker) => speaker.id === id);
  return (
    <article class="interview-page">
      {entry.conference && (
        <p class="breadcrumb">
          <a href={context.addresses.page(`/${entry.conference.slug}`)}>{entry.conference.name}</a>
        </p>
      )}
      <h1>
        <Localised context={context} text={interview.title} />
      </h1>
      <p class="byline">
        {entry.speakers.map((speaker, index) => (
          <>
            {index > 0 && ', '}
            <a href={context.addresses.page(`/speakers/${speaker.slug}`)}>{speaker.name}</a>
          </>
        ))}
        {interview.publishedOn && (
          <>
            {' · '}
            <time datetime={interview.publishedOn}>{interview.publishedOn}</time>
          </>
        )}
        {interview.author && ` · ${t('interview.by', { author: interview.author })}`}
      </p>
      <RichText context={context} text={interview.lead} />
      <dl class="questions">
        {entry.items.map((item) => {
          const answeredBy = nameOf(item.answeredById);
          return (
            <>
              <dt>
                <Localised context={context} text={item.question} />
                {item.askedBy && <span class="asked-by"> ({t('interview.askedBy', { name: item.askedBy })})</span>}
              </dt>
              <dd>
                {answeredBy && <p class="answered-by">{t('interview.answeredBy', { name: answeredBy.name })}</p>}
                <RichText context={context} text={item.answer} />
              </dd>
            </>
          );
        })}
      </dl>
      {interview.sourceUrl && /^https?:/i.test(interview.sourceUrl) && (
        <p>
          <a href={interview.sourceUrl} rel="noopener">
            {t('interview.source')}
          </a>
        </p>
      )}
    </article>
  );
}
