import { Provider, useQuery } from '@urql/preact';
import { ErrorBoundary, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { client, rememberCsrfToken } from './client';
import { CONSOLE_LOCALES, ConsoleLocale, LocaleContext, catalogue, initialLocale, rememberLocale, useLocale, useTexts } from './i18n';
import { ConsoleSessionDocument } from './operations.generated';
import { CONFERENCE_SECTIONS, SCREENS } from './routes';
import { SignIn, SignOutButton, signInLinkInAddress } from './sign-in/sign-in';

const texts = catalogue({
  en: {
    skip: 'Skip to content',
    console: 'Lectern console',
    conferences: 'Conferences',
    organisers: 'Organisers',
    language: 'Language',
    loading: 'Loading…',
    notFound: 'There is nothing at this address.',
    signedInAs: 'Signed in as {{name}}',
    conferenceMenu: 'This conference',
  },
  sv: {
    skip: 'Hoppa till innehållet',
    console: 'Lecterns konsol',
    conferences: 'Konferenser',
    organisers: 'Arrangörer',
    language: 'Språk',
    loading: 'Laddar …',
    notFound: 'Det finns inget på den här adressen.',
    signedInAs: 'Inloggad som {{name}}',
    conferenceMenu: 'Den här konferensen',
  },
  nb: {
    skip: 'Hopp til innholdet',
    console: 'Lecterns konsoll',
    conferences: 'Konferanser',
    organisers: 'Arrangører',
    language: 'Språk',
    loading: 'Laster …',
    notFound: 'Det finnes ingenting på denne adressen.',
    signedInAs: 'Logget inn som {{name}}',
    conferenceMenu: 'Denne konferansen',
  },
});

const LANGUAGE_NAMES: Record<ConsoleLocale, string> = { en: 'English', sv: 'Svenska', nb: 'Norsk bokmål' };

export function App() {
  const [locale, setLocale] = useState<ConsoleLocale>(() => {
    const chosen = initialLocale();
    document.documentElement.lang = chosen;
    return chosen;
  });
  const choose = (next: ConsoleLocale) => {
    rememberLocale(next);
    setLocale(next);
  };
  return (
    <Provider value={client}>
      <LocaleContext.Provider value={locale}>
        <LocationProvider scope="/console">
          <Shell locale={locale} onLocale={choose} />
        </LocationProvider>
      </LocaleContext.Provider>
    </Provider>
  );
}

function Shell({ locale, onLocale }: { locale: ConsoleLocale; onLocale: (locale: ConsoleLocale) => void }) {
  const t = useTexts(texts);
  const [{ data, fetching }, refetch] = useQuery({ query: ConsoleSessionDocument, requestPolicy: 'network-only' });
  const organiser = data?.organiserSession ? data.me : null;
  rememberCsrfToken(data?.organiserSession?.csrfToken ?? null);
  const signedIn = organiser !== null && !signInLinkInAddress();
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <a class="skip" href="#main">
        {t('skip')}
      </a>
      <header class="top">
        <a class="brand" href="/console/">
          {t('console')}
        </a>
        {signedIn && (
          <nav aria-label={t('console')}>
            <a href="/console/">{t('conferences')}</a>
            {organiser.role === 'ADMIN' && <a href="/console/organisers">{t('organisers')}</a>}
          </nav>
        )}
        <div class="top-end">
          <label class="language">
            {t('language')}{' '}
            <select value={locale} onChange={(event) => onLocale(event.currentTarget.value as ConsoleLocale)}>
              {CONSOLE_LOCALES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LANGUAGE_NAMES[code]}
                </option>
              ))}
            </select>
          </label>
          {signedIn && (
            <>
              <span class="who">{t('signedInAs', { name: organiser.name })}</span>
              <SignOutButton onSignedOut={reload} />
            </>
          )}
        </div>
      </header>
      <main id="main">
        {fetching && !data ? (
          <p>{t('loading')}</p>
        ) : signedIn ? (
          <>
            <ConferenceMenu />
            <ErrorBoundary>
              <Router>
                {[
                  ...SCREENS.map((screen) => <Route key={screen.path} path={screen.path} component={screen.component} />),
                  <Route key="none" default component={NotFound} />,
                ]}
              </Router>
            </ErrorBoundary>
          </>
        ) : (
          <SignIn onSignedIn={reload} />
        )}
      </main>
    </>
  );
}

/** The menu of the conference the address is in (`/console/conferences/<slug>/…`). */
function ConferenceMenu() {
  const t = useTexts(texts);
  const locale = useLocale();
  const { path } = useLocation();
  const match = /^\/console\/conferences\/([^/]+)/.exec(path);
  if (!match || match[1] === 'new') return null;
  const base = `/console/conferences/${match[1]}`;
  return (
    <nav class="conference-menu" aria-label={t('conferenceMenu')}>
      <ul>
        {CONFERENCE_SECTIONS.map((section) => {
          const href = base + section.path;
          return (
            <li key={section.path}>
              <a href={href} aria-current={path === href ? 'page' : section.path && path.startsWith(`${href}/`) ? 'true' : undefined}>
                {section.label[locale]}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function NotFound() {
  const t = useTexts(texts);
  return <p>{t('notFound')}</p>;
}
