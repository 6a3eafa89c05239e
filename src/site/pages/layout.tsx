import { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { INTERFACE_LANGUAGES } from '../site-i18n';
import { languageName, PageContext } from '../site-context';

export interface PageHead {
  title: string;
  description: string;
  /** Open Graph type: `website` for lists, `article` for a session, speaker or interview. */
  type?: 'website' | 'article' | 'profile';
  image?: string | null;
  /** schema.org documents, written as JSON-LD data blocks (never run: no nonce needed). */
  jsonLd?: object[];
}

/** The conference a page belongs to, for its header's navigation. */
export interface PageSection {
  slug: string;
  name: string;
}

/** A whole page: `<!doctype html>` and the shared frame around its content. */
export function renderPage(context: PageContext, head: PageHead, section: PageSection | null, content: ComponentChildren): string {
  return `<!doctype html>${renderToString(
    <Layout context={context} head={head} section={section}>
      {content}
    </Layout>,
  )}`;
}

function Layout({
  context,
  head,
  section,
  children,
}: {
  context: PageContext;
  head: PageHead;
  section: PageSection | null;
  children: ComponentChildren;
}) {
  const { t, addresses } = context;
  const canonical = `${context.publicBaseUrl}${context.path}`;
  return (
    <html lang={context.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{head.title}</title>
        <meta name="description" content={head.description} />
        <link rel="canonical" href={canonical} />
        {context.alternates.map(({ language, href }) => (
          <link rel="alternate" hreflang={language} href={`${context.publicBaseUrl}${href}`} />
        ))}
        <meta property="og:type" content={head.type ?? 'website'} />
        <meta property="og:title" content={head.title} />
        <meta property="og:description" content={head.description} />
        <meta property="og:url" content={canonical} />
        <meta property="og:locale" content={context.language} />
        {head.image && <meta property="og:image" content={head.image} />}
        <link rel="stylesheet" href={addresses.asset('site.css')} />
        <link rel="stylesheet" href={addresses.asset('print.css')} media="print" />
        {/* The script works offline too (a static copy has no stars; its zone switch needs no server). */}
        <script src={addresses.asset('site.js')} defer />
        {(head.jsonLd ?? []).map((document) => (
          <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(document) }} />
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('layout.skip')}
        </a>
        <header class="site-header">
          <nav aria-label={t('layout.navigation')}>
            <a class="brand" href={addresses.page('/')}>
              {t('layout.conferences')}
            </a>
            {section && (
              <>
                <a href={addresses.page(`/${section.slug}`)}>{section.name}</a>
                <a href={addresses.page(`/${section.slug}/speakers`)}>{t('layout.speakers')}</a>
                {addresses.served && <a href={addresses.page(`/${section.slug}/agenda`)}>{t('layout.agenda')}</a>}
              </>
            )}
          </nav>
          <nav class="languages" aria-label={t('layout.language')}>
            {INTERFACE_LANGUAGES.map((language) =>
              language === context.language ? (
                <span aria-current="true" lang={language}>
                  {languageName(language, language)}
                </span>
              ) : (
                <a href={addresses.inLanguage(language)} hreflang={language} lang={language}>
                  {languageName(language, language)}
                </a>
              ),
            )}
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <a href={addresses.served ? addresses.page('/developers') : `${context.publicBaseUrl}/developers`}>{t('layout.developers')}</a>
          <span>{t('layout.poweredBy')}</span>
        </footer>
      </body>
    </html>
  );
}

/** JSON inside `<script>`: `<` written as \u003c, so no text in it can close the element. */
function jsonForScript(document: object): string {
  return JSON.stringify(document)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
