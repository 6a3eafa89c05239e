import { renderToString } from 'preact-render-to-string';
import { Conference } from '../../conferences/conference.entity';
import { PublishedSession } from '../../published/published-programme';
import { PageContext } from '../site-context';
import { FeedLinks, Subscribe, ZoneNote } from './parts';
import { DayLists } from './programme-page';

export interface EmbedScheduleData {
  conference: Conference;
  sessions: PublishedSession[];
  feed: FeedLinks;
}

/**
 * The schedule as a page for another site's iframe: the programme's list without the site's
 * header, forms or script (an embed runs nothing), its links opening in the top window.
 */
export function renderEmbedSchedule(context: PageContext, data: EmbedScheduleData): string {
  const { conference } = data;
  const { t } = context;
  const title = context.t('programme.pageTitle', { conference: conference.name });
  return `<!doctype html>${renderToString(
    <html lang={context.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <base target="_top" />
        <link rel="stylesheet" href={context.addresses.asset('site.css')} />
      </head>
      <body class="embed">
        <main id="main">
          <h1>
            <a href={context.addresses.page(`/${conference.slug}`)}>{title}</a>
          </h1>
          <ZoneNote context={context} zone={conference.timeZone} />
          {data.sessions.length === 0 && <p>{t('programme.none')}</p>}
          <DayLists context={context} conference={conference} sessions={data.sessions} />
          <Subscribe context={context} feed={data.feed} name={conference.name} />
        </main>
      </body>
    </html>,
  )}`;
}
