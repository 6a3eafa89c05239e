import { ComponentChildren } from 'preact';
import { renderPage } from '../../site/pages/layout';
import { PageContext } from '../../site/site-context';

/** The parts of the speaker's page, for the navigation that marks where the speaker is. */
export type PortalSection = 'profile' | 'invitations' | 'questionnaires';

const SECTIONS: { section: PortalSection; path: string }[] = [
  { section: 'profile', path: '/me' },
  { section: 'invitations', path: '/me/invitations' },
  { section: 'questionnaires', path: '/me/questionnaires' },
];

/** The form field every form posted by a signed-in speaker carries (the session's CSRF token). */
export const CSRF_FIELD = '_csrf';

export interface PortalFrame {
  context: PageContext;
  /** The speaker session's CSRF token, written into every form of the page (sign-out included). */
  csrf: string;
  /** The part of the speaker's page this is, marked in the navigation (none for pages outside it). */
  current?: PortalSection;
}

/** The hidden field a speaker's form posts its CSRF token in. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}

/** The address of a multipart form's action: multipart bodies are read after the CSRF check, so the token goes in the query. */
export function withCsrfQuery(action: string, token: string): string {
  return `${action}${action.includes('?') ? '&' : '?'}${CSRF_FIELD}=${encodeURIComponent(token)}`;
}

/**
 * A page of the speaker's own part of the site: the public site's frame (language, styles,
 * skip link), the speaker's navigation and a sign-out form. Never indexed, never cached (see portal-page).
 */
export function renderPortalPage(frame: PortalFrame, title: string, content: ComponentChildren): string {
  const { context, csrf, current } = frame;
  const { t, addresses } = context;
  return renderPage(
    context,
    { title: `${title} – ${t('portal.title')}`, description: t('portal.description') },
    null,
    <>
      <nav class="portal-nav" aria-label={t('portal.navigation')}>
        <ul>
          {SECTIONS.map(({ section, path }) => (
            <li>
              <a href={addresses.page(path)} aria-current={section === current ? 'page' : undefined}>
                {t(`portal.nav.${section}`)}
              </a>
            </li>
          ))}
        </ul>
        <form method="post" action={addresses.page('/me/sign-out')} class="portal-sign-out">
          <CsrfField token={csrf} />
          <button type="submit">{t('portal.signOut')}</button>
        </form>
      </nav>
      {content}
    </>,
  );
}
