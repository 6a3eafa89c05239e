import { useMutation } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { rememberCsrfToken } from '../client';
import { catalogue, useLocale, useTexts } from '../i18n';
import { ProblemList, Status, TextField, problemFor } from '../ui/controls';
import { problemsOf } from '../ui/errors';
import { Page } from '../ui/page';
import { CloseOrganiserSessionDocument, OpenOrganiserSessionDocument, RequestOrganiserSignInLinkDocument } from './operations.generated';

const texts = catalogue({
  en: {
    title: 'Sign in',
    byMail: 'Get a sign-in link by e-mail',
    email: 'Your e-mail address',
    send: 'Send me a link',
    sent: 'If {{email}} belongs to an organiser, a sign-in link is on its way. It works once, for 30 minutes.',
    byToken: 'Or paste an access token',
    token: 'Access token',
    tokenHint: 'The token an administrator gave you (lectern_…). It stays on this computer only as a session.',
    signIn: 'Sign in',
    signingIn: 'Signing you in…',
    linkFailed: 'This sign-in link has been used or has expired. Ask for a new one.',
    signOut: 'Sign out',
  },
  sv: {
    title: 'Logga in',
    byMail: 'Få en inloggningslänk med e-post',
    email: 'Din e-postadress',
    send: 'Skicka en länk',
    sent: 'Om {{email}} hör till en arrangör är en inloggningslänk på väg. Den fungerar en gång, i 30 minuter.',
    byToken: 'Eller klistra in en åtkomsttoken',
    token: 'Åtkomsttoken',
    tokenHint: 'Den token som en administratör gav dig (lectern_…). Den sparas på datorn bara som en session.',
    signIn: 'Logga in',
    signingIn: 'Loggar in …',
    linkFailed: 'Den här inloggningslänken är redan använd eller har gått ut. Be om en ny.',
    signOut: 'Logga ut',
  },
  nb: {
    title: 'Logg inn',
    byMail: 'Få en innloggingslenke på e-post',
    email: 'E-postadressen din',
    send: 'Send meg en lenke',
    sent: 'Hvis {{email}} tilhører en arrangør, er en innloggingslenke på vei. Den virker én gang, i 30 minutter.',
    byToken: 'Eller lim inn et tilgangstoken',
    token: 'Tilgangstoken',
    tokenHint: 'Tokenet en administrator ga deg (lectern_…). Det lagres på datamaskinen bare som en økt.',
    signIn: 'Logg inn',
    signingIn: 'Logger deg inn …',
    linkFailed: 'Denne innloggingslenken er brukt eller utløpt. Be om en ny.',
    signOut: 'Logg ut',
  },
});

const LINK_IN_ADDRESS = /^#\/sign-in\/([A-Za-z0-9_-]+)$/;

/** The secret of a sign-in link the console was opened with (`/console/#/sign-in/<secret>`): the fragment never reaches a server's log. */
export function signInLinkInAddress(): string | null {
  return LINK_IN_ADDRESS.exec(location.hash)?.[1] ?? null;
}

export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const t = useTexts(texts);
  const locale = useLocale();
  const [token, setToken] = useState('');
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [opened, open] = useMutation(OpenOrganiserSessionDocument);
  const [requested, request] = useMutation(RequestOrganiserSignInLinkDocument);
  const [link] = useState(signInLinkInAddress);

  const signedIn = (csrfToken: string | undefined) => {
    if (!csrfToken) return;
    rememberCsrfToken(csrfToken);
    history.replaceState(null, '', location.pathname);
    onSignedIn();
  };

  useEffect(() => {
    if (link) void open({ input: { link } }).then((result) => signedIn(result.data?.openOrganiserSession.csrfToken));
  }, [link]);

  const tokenProblems = problemsOf(opened.error);
  const mailProblems = problemsOf(requested.error);
  return (
    <Page title={t('title')}>
      {link && opened.fetching && <Status>{t('signingIn')}</Status>}
      {link && opened.error && <p role="alert">{t('linkFailed')}</p>}
      <div class="sign-in">
        <form
          aria-labelledby="by-mail"
          onSubmit={async (event) => {
            event.preventDefault();
            const result = await request({ input: { email, locale } });
            if (!result.error) setSentTo(email);
          }}
        >
          <h2 id="by-mail">{t('byMail')}</h2>
          <TextField
            label={t('email')}
            type="email"
            autoComplete="email"
            required
            value={email}
            onValue={setEmail}
            problem={problemFor(mailProblems, 'email')}
          />
          <ProblemList problems={mailProblems} shownFields={['email']} />
          <button type="submit" disabled={requested.fetching}>
            {t('send')}
          </button>
          <Status>{sentTo && t('sent', { email: sentTo })}</Status>
        </form>
        <form
          aria-labelledby="by-token"
          onSubmit={async (event) => {
            event.preventDefault();
            const result = await open({ input: { token: token.trim() } });
            signedIn(result.data?.openOrganiserSession.csrfToken);
          }}
        >
          <h2 id="by-token">{t('byToken')}</h2>
          <TextField
            label={t('token')}
            hint={t('tokenHint')}
            type="password"
            autoComplete="off"
            required
            value={token}
            onValue={setToken}
            problem={link ? undefined : tokenProblems[0]}
          />
          <button type="submit" disabled={opened.fetching}>
            {t('signIn')}
          </button>
        </form>
      </div>
    </Page>
  );
}

export function SignOutButton({ onSignedOut }: { onSignedOut: () => void }) {
  const t = useTexts(texts);
  const [, close] = useMutation(CloseOrganiserSessionDocument);
  return (
    <button
      type="button"
      class="secondary"
      onClick={async () => {
        await close({});
        rememberCsrfToken(null);
        onSignedOut();
      }}
    >
      {t('signOut')}
    </button>
  );
}
