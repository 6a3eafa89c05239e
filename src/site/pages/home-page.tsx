import { Conference } from '../../conferences/conference.entity';
import { dayTitle, PageContext } from '../site-context';
import { languageLabel } from './parts';

export interface ConferenceEntry {
  conference: Conference;
  languages: string[];
}

export function HomePage({ context, upcoming, past }: { context: PageContext; upcoming: ConferenceEntry[]; past: ConferenceEntry[] }) {
  const { t } = context;
  const list = (entries: ConferenceEntry[]) => (
    <ul class="conferences">
      {entries.map(({ conference, languages }) => (
        <li>
          <h3>
            <a href={context.addresses.page(`/${conference.slug}`)}>{conference.name}</a>
          </h3>
          <p class="facts">
            {[
              conference.startDate === conference.endDate
                ? dayTitle(conference.startDate, conference.timeZone, context.language)
                : `${dayTitle(conference.startDate, conference.timeZone, context.language)} – ${dayTitle(conference.endDate, conference.timeZone, context.language)}`,
              conference.city,
              languages.map((language) => languageLabel(context, language)).join(', '),
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <h1>{t('home.title')}</h1>
      {upcoming.length > 0 && (
        <section aria-labelledby="upcoming">
          <h2 id="upcoming">{t('home.upcoming')}</h2>
          {list(upcoming)}
        </section>
      )}
      {past.length > 0 && (
        <section aria-labelledby="past">
          <h2 id="past">{t('home.past')}</h2>
          {list(past)}
        </section>
      )}
      {upcoming.length + past.length === 0 && <p>{t('home.none')}</p>}
    </>
  );
}
