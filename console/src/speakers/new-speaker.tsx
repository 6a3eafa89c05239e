import { useMutation } from '@urql/preact';
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { catalogue, useTexts } from '../i18n';
import { ProblemList, TextField, problemFor } from '../ui/controls';
import { problemsOf } from '../ui/errors';
import { CreateSpeakerProfileDocument } from './operations.generated';

const texts = catalogue({
  en: {
    name: 'Name',
    slug: 'Address name',
    slugHint: 'Lower-case letters, digits and hyphens; the speaker’s public address.',
    email: 'E-mail (only organisers see it)',
    save: 'Add the speaker',
    cancel: 'Cancel',
  },
  sv: {
    name: 'Namn',
    slug: 'Adressnamn',
    slugHint: 'Små bokstäver, siffror och bindestreck; talarens publika adress.',
    email: 'E-post (bara arrangörer ser den)',
    save: 'Lägg till talaren',
    cancel: 'Avbryt',
  },
  nb: {
    name: 'Navn',
    slug: 'Adressenavn',
    slugHint: 'Små bokstaver, sifre og bindestreker; foredragsholderens offentlige adresse.',
    email: 'E-post (bare arrangører ser den)',
    save: 'Legg til foredragsholderen',
    cancel: 'Avbryt',
  },
});

/** "Åsa Öberg-Lind" → "asa-oberg-lind": a first suggestion for the address name, which the organiser may change. */
function suggestedSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A new speaker profile, owned by this conference; the organiser goes on to its page to fill in the rest. */
export function NewSpeakerForm({
  conferenceId,
  conferenceSlug,
  onCancel,
}: {
  conferenceId: string;
  conferenceSlug: string;
  onCancel: () => void;
}) {
  const t = useTexts(texts);
  const { route } = useLocation();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const [email, setEmail] = useState('');
  const [created, create] = useMutation(CreateSpeakerProfileDocument);
  const problems = problemsOf(created.error);
  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await create({
      input: { conferenceId, name: name.trim(), slug: slug.trim(), email: email.trim() === '' ? null : email.trim() },
    });
    if (answer.data) route(`/console/conferences/${conferenceSlug}/speakers/${answer.data.createSpeaker.slug}`);
  };
  return (
    <form class="form-grid" onSubmit={submit} noValidate>
      <TextField
        label={t('name')}
        value={name}
        onValue={(value) => {
          setName(value);
          if (!slugTouched) setSlug(suggestedSlug(value));
        }}
        problem={problemFor(problems, 'name')}
        required
      />
      <TextField
        label={t('slug')}
        hint={t('slugHint')}
        value={slug}
        onValue={(value) => {
          setSlugTouched(true);
          setSlug(value);
        }}
        problem={problemFor(problems, 'slug')}
        required
      />
      <TextField label={t('email')} type="email" value={email} onValue={setEmail} problem={problemFor(problems, 'email')} />
      <div class="wide">
        <ProblemList problems={problems} shownFields={['name', 'slug', 'email']} />
        <button type="submit" disabled={created.fetching}>
          {t('save')}
        </button>{' '}
        <button type="button" class="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
