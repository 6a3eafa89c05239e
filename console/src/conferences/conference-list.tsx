import { useQuery } from '@urql/preact';
import { catalogue, useTexts } from '../i18n';
import { Page } from '../ui/page';
import { OrganisersConferencesDocument } from './operations.generated';

const texts = catalogue({
  en: {
    title: 'Your conferences',
    create: 'New conference',
    none: 'No conferences yet. Create the first one.',
    name: 'Name',
    dates: 'Dates',
    status: 'Status',
    DRAFT: 'Draft',
    PUBLISHED: 'Published',
    loading: 'Loading…',
  },
  sv: {
    title: 'Dina konferenser',
    create: 'Ny konferens',
    none: 'Inga konferenser ännu. Skapa den första.',
    name: 'Namn',
    dates: 'Datum',
    status: 'Status',
    DRAFT: 'Utkast',
    PUBLISHED: 'Publicerad',
    loading: 'Laddar …',
  },
  nb: {
    title: 'Konferansene dine',
    create: 'Ny konferanse',
    none: 'Ingen konferanser ennå. Opprett den første.',
    name: 'Navn',
    dates: 'Datoer',
    status: 'Status',
    DRAFT: 'Utkast',
    PUBLISHED: 'Publisert',
    loading: 'Laster …',
  },
});

export default function ConferenceList() {
  const t = useTexts(texts);
  const [{ data, fetching }] = useQuery({ query: OrganisersConferencesDocument });
  const conferences = [
    ...((data?.me?.role === 'ADMIN' ? data.conferences.edges.map((edge) => edge.node) : data?.me?.conferences) ?? []),
  ].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return (
    <Page
      title={t('title')}
      actions={
        <a class="button" href="/console/conferences/new">
          {t('create')}
        </a>
      }
    >
      {fetching && !data ? (
        <p>{t('loading')}</p>
      ) : conferences.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('dates')}</th>
              <th scope="col">{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {conferences.map((conference) => (
              <tr key={conference.id}>
                <td>
                  <a href={`/console/conferences/${conference.slug}`}>{conference.name}</a>
                </td>
                <td>
                  {conference.startDate} – {conference.endDate} ({conference.timeZone})
                </td>
                <td>{t(conference.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
