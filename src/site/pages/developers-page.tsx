import { Conference } from '../../conferences/conference.entity';
import { PageContext } from '../site-context';

export interface DevelopersPageData {
  /** The first published conference, whose addresses serve as examples (none before one is published). */
  example: Conference | null;
  /** Whether GraphiQL is served (GRAPHIQL=on). */
  graphiql: boolean;
}

/** One address: the link is Lectern's own path, its text the full address under PUBLIC_BASE_URL, to copy. */
function Address({ context, path, label }: { context: PageContext; path: string; label?: string }) {
  return (
    <li>
      {label && <>{label}: </>}
      <a href={path}>
        <code>{`${context.publicBaseUrl}${path}`}</code>
      </a>
    </li>
  );
}

/** What the API offers and where each part is described: linked from every page's footer. */
export function DevelopersPage({ context, data }: { context: PageContext; data: DevelopersPageData }) {
  const { t } = context;
  const slug = data.example ? encodeURIComponent(data.example.slug) : null;
  return (
    <>
      <h1>{t('developers.title')}</h1>
      <p>{t('developers.intro')}</p>
      <p>{data.example ? t('developers.examplesOf', { conference: data.example.name }) : t('developers.noExamples')}</p>

      <section aria-labelledby="graphql">
        <h2 id="graphql">{t('developers.graphqlHeading')}</h2>
        <p>{t('developers.graphqlText')}</p>
        <ul>
          <Address context={context} path="/graphql" label={t('developers.endpoint')} />
          {data.graphiql && <Address context={context} path="/graphiql" label={t('developers.graphiql')} />}
          <Address context={context} path="/graphql/schema.graphql" label={t('developers.sdl')} />
        </ul>
        <h3>{t('developers.liveHeading')}</h3>
        <p>{t('developers.liveText')}</p>
      </section>

      <section aria-labelledby="json-api">
        <h2 id="json-api">{t('developers.jsonHeading')}</h2>
        <p>{t('developers.jsonText')}</p>
        <ul>
          <Address context={context} path="/api/openapi.json" label={t('developers.openapi')} />
          <Address context={context} path="/api/docs" label={t('developers.viewer')} />
        </ul>
      </section>

      <section aria-labelledby="embeds">
        <h2 id="embeds">{t('developers.embedsHeading')}</h2>
        <p>{t('developers.embedsText')}</p>
        {slug && (
          <ul>
            <Address context={context} path={`/embed/conferences/${slug}/speakers`} />
            <Address context={context} path={`/embed/conferences/${slug}/schedule`} />
          </ul>
        )}
      </section>

      <section aria-labelledby="feeds">
        <h2 id="feeds">{t('developers.feedsHeading')}</h2>
        <p>{t('developers.feedsText')}</p>
        {slug && (
          <ul>
            <Address context={context} path={`/calendars/conferences/${slug}.ics`} />
            <Address context={context} path={`/feeds/conferences/${slug}/changes.xml`} />
          </ul>
        )}
      </section>

      <section aria-labelledby="exports">
        <h2 id="exports">{t('developers.exportsHeading')}</h2>
        <p>{t('developers.exportsText')}</p>
        {slug && (
          <ul>
            {['schedule.xml', 'schedule.json', 'schedule2.json', 'schedule.xcal', 'sessions.csv', 'speakers.csv'].map((file) => (
              <Address context={context} path={`/exports/conferences/${slug}/${file}`} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="webhooks">
        <h2 id="webhooks">{t('developers.webhooksHeading')}</h2>
        <p>{t('developers.webhooksText')}</p>
      </section>

      <section aria-labelledby="readme">
        <h2 id="readme">{t('developers.readmeHeading')}</h2>
        <p>{t('developers.readmeText')}</p>
      </section>
    </>
  );
}
