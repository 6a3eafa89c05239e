import { useMutation } from '@urql/preact';
import { useState } from 'preact/hooks';
import { catalogue, useTexts } from '../i18n';
import { ProblemList, SelectField, TextField, problemFor } from '../ui/controls';
import { inputProblems } from './problems';
import { InviteSpeakerByMailDocument } from './operations.generated';
import { LANGUAGE_NAMES, TEXT_LOCALES, languageOf } from './speaker-texts';

const texts = catalogue({
  en: {
    name: 'Name',
    email: 'E-mail address',
    emailHint: 'The invitation and its sign-in link go here.',
    locale: 'Language of the e-mail',
    localeHint: 'Also the language of the speaker’s own page.',
    send: 'Send the invitation',
    cancel: 'Cancel',
  },
  sv: {
    name: 'Namn',
    email: 'E-postadress',
    emailHint: 'Inbjudan och dess inloggningslänk skickas hit.',
    locale: 'E-postmeddelandets språk',
    localeHint: 'Också språket på talarens egen sida.',
    send: 'Skicka inbjudan',
    cancel: 'Avbryt',
  },
  nb: {
    name: 'Navn',
    email: 'E-postadresse',
    emailHint: 'Invitasjonen og innloggingslenken sendes hit.',
    locale: 'Språket i e-posten',
    localeHint: 'Også språket på foredragsholderens egen side.',
    send: 'Send invitasjonen',
    cancel: 'Avbryt',
  },
});

/**
 * An invitation to speak, mailed with a sign-in link: to someone the console already has (their
 * e-mail offered), or to someone new by name (a profile is made for them, kept by this conference).
 */
export function InviteForm({
  conferenceId,
  defaultLocale,
  speaker,
  onDone,
  onCancel,
}: {
  conferenceId: string;
  defaultLocale: string;
  speaker: { id: string; email: string | null } | null;
  onDone: (email: string) => void;
  onCancel: () => void;
}) {
  const t = useTexts(texts);
  const [name, setName] = useState('');
  const [email, setEmail] = useState(speaker?.email ?? '');
  const first = TEXT_LOCALES.find((locale) => locale === languageOf(defaultLocale)) ?? 'en';
  const [locale, setLocale] = useState<string>(first);
  const [sent, send] = useMutation(InviteSpeakerByMailDocument);
  const problems = inputProblems(sent.error);
  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await send({
      input: {
        conferenceId,
        email: email.trim(),
        locale,
        ...(speaker ? { speakerId: speaker.id } : { name: name.trim() }),
      },
    });
    if (!answer.error) onDone(email.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      {!speaker && <TextField label={t('name')} value={name} onValue={setName} problem={problemFor(problems, 'name')} required />}
      <TextField
        label={t('email')}
        hint={t('emailHint')}
        type="email"
        value={email}
        onValue={setEmail}
        problem={problemFor(problems, 'email')}
        required
      />
      <SelectField
        label={t('locale')}
        hint={t('localeHint')}
        value={locale}
        onValue={setLocale}
        problem={problemFor(problems, 'locale')}
        options={TEXT_LOCALES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code] }))}
      />
      <ProblemList problems={problems} shownFields={['name', 'email', 'locale']} />
      <div class="speakers-actions">
        <button type="submit" disabled={sent.fetching}>
          {t('send')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
