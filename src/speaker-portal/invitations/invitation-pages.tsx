import { ComponentChildren } from 'preact';
import { renderPage } from '../../site/pages/layout';
import { PageContext } from '../../site/site-context';
import { CsrfField, renderPortalPage } from '../pages/portal-layout';
import { Invitation, InvitationStatus } from './invitation.entity';
import { SignInRefusal } from './invitation.service';

/** Outside the speaker's page (no session yet): the site's frame with a note, and the sign-in button when a link was opened. */
function signInFrame(context: PageContext, content: ComponentChildren): string {
  const { t } = context;
  return renderPage(
    context,
    { title: t('portalSignIn.title'), description: t('portal.description') },
    null,
    <section class="portal-sign-in">
      <h1>{t('portalSignIn.title')}</h1>
      {content}
    </section>,
  );
}

/** How to sign in: with the link in the invitation (a speaker has no password). */
export function signInHelpPage(context: PageContext, note?: string, csrf?: string): string {
  const { t } = context;
  return signInFrame(
    context,
    <>
      {note && <p role="status">{note}</p>}
      <p>{t('portalSignIn.useLink')}</p>
      <form method="post" action={context.addresses.page('/me/sign-in')}>
        {csrf && <CsrfField token={csrf} />}
        <h2>{t('portalSignIn.again')}</h2>
        <label for="sign-in-email">{t('portalSignIn.email')}</label>
        <input id="sign-in-email" name="email" type="email" autocomplete="email" required />
        <button type="submit">{t('portalSignIn.sendAgain')}</button>
      </form>
    </>,
  );
}

/**
 * What an opened link shows: a button that signs in (a POST). Opening the link alone changes
 * nothing, so mail scanners that fetch links cannot use it up.
 */
export function signInConfirmPage(context: PageContext, action: string, speaker: string, conference: string): string {
  const { t } = context;
  return signInFrame(
    context,
    <form method="post" action={action}>
      <p>{t('portalSignIn.confirm', { name: speaker, conference })}</p>
      <button type="submit">{t('portalSignIn.button')}</button>
    </form>,
  );
}

export function signInRefusedPage(context: PageContext, refusal: SignInRefusal): string {
  const { t } = context;
  return signInFrame(
    context,
    <>
      <p role="alert">{t(`portalSignIn.refused.${refusal}`)}</p>
      <p>{t('portalSignIn.useLink')}</p>
    </>,
  );
}

export interface ListedInvitation {
  invitation: Invitation;
  conference: string;
}

export function invitationsPage(context: PageContext, csrf: string, invitations: ListedInvitation[]): string {
  const { t, addresses } = context;
  return renderPortalPage(
    { context, csrf, current: 'invitations' },
    t('portalInvitations.title'),
    <section>
      <h1>{t('portalInvitations.title')}</h1>
      {invitations.length === 0 && <p>{t('portalInvitations.none')}</p>}
      {invitations.map(({ invitation, conference }) => (
        <article class="portal-invitation" aria-labelledby={`invitation-${invitation.id}`}>
          <h2 id={`invitation-${invitation.id}`}>{t('portalInvitations.to', { conference })}</h2>
          <p>
            {t('portalInvitations.state')}:{' '}
            <strong data-status={invitation.status}>{t(`portalInvitations.status.${invitation.status}`)}</strong>
          </p>
          <p>{t('portalInvitations.sentTo', { email: invitation.email })}</p>
          {invitation.status !== InvitationStatus.REVOKED && (
            <div class="portal-actions">
              {invitation.status !== InvitationStatus.ACCEPTED && (
                <form method="post" action={addresses.page(`/me/invitations/${invitation.id}/accept`)}>
                  <CsrfField token={csrf} />
                  <button type="submit">{t('portalInvitations.accept')}</button>
                </form>
              )}
              {invitation.status !== InvitationStatus.DECLINED && (
                <form method="post" action={addresses.page(`/me/invitations/${invitation.id}/decline`)}>
                  <CsrfField token={csrf} />
                  <button type="submit">{t('portalInvitations.decline')}</button>
                </form>
              )}
            </div>
          )}
        </article>
      ))}
    </section>,
  );
}
