import { useMutation, useQuery } from '@urql/preact';
import { useState } from 'preact/hooks';
import { catalogue, useLocale, useTexts } from '../i18n';
import { ProblemList, TextAreaField } from '../ui/controls';
import {
  ApproveSpeakerChangeDocument,
  RejectSpeakerChangeDocument,
  SpeakerChangeFieldsFragment,
  SpeakerChangesToReviewDocument,
  SpeakerProfileFragment,
} from './operations.generated';
import { inputProblems } from './problems';
import { CHANGE_FIELD_NAMES, LANGUAGE_NAMES, TEXT_LOCALES, TextLocale, languageOf } from './speaker-texts';

const texts = catalogue({
  en: {
    title: 'Changes to review',
    none: 'Nothing to review: the speaker has proposed no change that waits for you.',
    profileChange: 'Profile, proposed by {{who}} on {{when}}',
    appearanceChange: 'Appearance at {{session}}, proposed by {{who}} on {{when}}',
    theSpeaker: 'the speaker',
    field: 'Field',
    published: 'Published now',
    proposed: 'Proposed',
    empty: '(nothing)',
    inLanguage: '{{field}} in {{language}}',
    note: 'Note to the speaker (optional)',
    approve: 'Approve and publish',
    reject: 'Reject',
    approved: 'Approved: the change is published.',
    rejected: 'Rejected: nothing of it is published.',
  },
  sv: {
    title: 'Ändringar att granska',
    none: 'Inget att granska: talaren har inte föreslagit någon ändring som väntar på dig.',
    profileChange: 'Profilen, föreslagen av {{who}} den {{when}}',
    appearanceChange: 'Medverkan i {{session}}, föreslagen av {{who}} den {{when}}',
    theSpeaker: 'talaren',
    field: 'Fält',
    published: 'Publicerat nu',
    proposed: 'Föreslaget',
    empty: '(inget)',
    inLanguage: '{{field}} på {{language}}',
    note: 'Meddelande till talaren (frivilligt)',
    approve: 'Godkänn och publicera',
    reject: 'Avslå',
    approved: 'Godkänt: ändringen är publicerad.',
    rejected: 'Avslaget: inget av den publiceras.',
  },
  nb: {
    title: 'Endringer til gjennomgang',
    none: 'Ingenting å gå gjennom: foredragsholderen har ikke foreslått noen endring som venter på deg.',
    profileChange: 'Profilen, foreslått av {{who}} {{when}}',
    appearanceChange: 'Opptredenen i {{session}}, foreslått av {{who}} {{when}}',
    theSpeaker: 'foredragsholderen',
    field: 'Felt',
    published: 'Publisert nå',
    proposed: 'Foreslått',
    empty: '(ingenting)',
    inLanguage: '{{field}} på {{language}}',
    note: 'Melding til foredragsholderen (valgfritt)',
    approve: 'Godkjenn og publiser',
    reject: 'Avvis',
    approved: 'Godkjent: endringen er publisert.',
    rejected: 'Avvist: ingenting av den publiseres.',
  },
});

type ChangeField = SpeakerChangeFieldsFragment['fields'][number];

/**
 * What the public sees now of the field a change proposes, read from the profile as it is (the
 * change's `before` is the value when it was proposed, which an organiser may have changed since).
 */
function publishedValue(speaker: SpeakerProfileFragment, change: SpeakerChangeFieldsFragment, field: ChangeField): string {
  const own = speaker as unknown as Record<string, string | null>;
  if (change.kind === 'APPEARANCE') {
    const appearance = speaker.appearances.find((each) => each.id === change.appearance?.id);
    if (appearance && field.field === 'title') return appearance.title ?? '';
    if (appearance && field.field === 'organisation') return appearance.organisation ?? '';
    return field.before ?? '';
  }
  switch (field.field) {
    case 'name':
      return speaker.name;
    case 'otherNames':
      return speaker.otherNames.join('\n');
    case 'links':
      return speaker.links.map((link) => `${link.label} <${link.url}>`).join('\n');
    case 'photoUrl':
      return speaker.photoUrl ?? '';
    case 'bio': {
      const locale = languageOf(field.locale) as TextLocale;
      if (!TEXT_LOCALES.includes(locale)) return field.before ?? '';
      return languageOf(own[`bioLocale_${locale}`]) === locale ? (own[`bio_${locale}`] ?? '') : '';
    }
    default:
      return field.before ?? '';
  }
}

/** The changes a speaker proposed to their own profile and appearances that wait for this conference's organisers. */
export function ChangesToReview({
  conferenceId,
  speaker,
  onReviewed,
}: {
  conferenceId: string;
  speaker: SpeakerProfileFragment;
  onReviewed: (message: string) => void;
}) {
  const t = useTexts(texts);
  const [{ data }] = useQuery({ query: SpeakerChangesToReviewDocument, variables: { conferenceId } });
  const changes = data?.profileChanges.edges.map((edge) => edge.node).filter((change) => change.speaker.id === speaker.id) ?? [];
  return (
    <section id="review" aria-labelledby="speaker-review" tabIndex={-1}>
      <h2 id="speaker-review">{t('title')}</h2>
      {data && changes.length === 0 && <p>{t('none')}</p>}
      {changes.map((change) => (
        <ChangeToReview key={change.id} change={change} speaker={speaker} onReviewed={onReviewed} />
      ))}
    </section>
  );
}

function ChangeToReview({
  change,
  speaker,
  onReviewed,
}: {
  change: SpeakerChangeFieldsFragment;
  speaker: SpeakerProfileFragment;
  onReviewed: (message: string) => void;
}) {
  const t = useTexts(texts);
  const locale = useLocale();
  const [note, setNote] = useState('');
  const [approved, approve] = useMutation(ApproveSpeakerChangeDocument);
  const [rejected, reject] = useMutation(RejectSpeakerChangeDocument);
  const problems = inputProblems(approved.error ?? rejected.error);
  const who = change.proposedBy.role === 'SPEAKER' ? (change.proposedBy.name ?? t('theSpeaker')) : (change.proposedBy.name ?? '');
  const when = new Date(change.createdAt).toLocaleString(locale === 'nb' ? 'nb-NO' : locale === 'sv' ? 'sv-SE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const heading =
    change.kind === 'APPEARANCE'
      ? t('appearanceChange', { session: change.appearance?.session.title ?? '', who, when })
      : t('profileChange', { who, when });
  const fieldName = (field: ChangeField) => {
    const name = CHANGE_FIELD_NAMES[locale][field.field] ?? field.field;
    const language = LANGUAGE_NAMES[languageOf(field.locale) as TextLocale] ?? field.locale;
    return field.locale ? t('inLanguage', { field: name, language }) : name;
  };
  const review = async (how: 'approve' | 'reject') => {
    const input = { id: change.id, ...(note.trim() ? { note: note.trim() } : {}) };
    const answer = how === 'approve' ? await approve({ input }) : await reject({ input });
    if (!answer.error) onReviewed(how === 'approve' ? t('approved') : t('rejected'));
  };
  return (
    <article class="speakers-change" aria-label={heading}>
      <h3>{heading}</h3>
      <table class="list speakers-diff">
        <thead>
          <tr>
            <th scope="col">{t('field')}</th>
            <th scope="col">{t('published')}</th>
            <th scope="col">{t('proposed')}</th>
          </tr>
        </thead>
        <tbody>
          {change.fields.map((field, index) => {
            const now = publishedValue(speaker, change, field);
            return (
              <tr key={index}>
                <th scope="row">{fieldName(field)}</th>
                <td lang={field.locale ?? undefined}>{now || <span class="speakers-quiet">{t('empty')}</span>}</td>
                <td class="speakers-proposed" lang={field.locale ?? undefined}>
                  {field.after || <span class="speakers-quiet">{t('empty')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <TextAreaField label={t('note')} rows={2} value={note} onValue={setNote} />
      <ProblemList problems={problems} />
      <div class="speakers-actions">
        <button type="button" onClick={() => review('approve')} disabled={approved.fetching || rejected.fetching}>
          {t('approve')}
        </button>
        <button type="button" class="secondary" onClick={() => review('reject')} disabled={approved.fetching || rejected.fetching}>
          {t('reject')}
        </button>
      </div>
    </article>
  );
}
