import { useMutation, useQuery } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { catalogue, useTexts } from '../i18n';
import { ProblemList, TextField } from '../ui/controls';
import { Dialog } from '../ui/dialog';
import {
  DuplicateCandidatesDocument,
  DuplicateCandidatesQuery,
  MergeSpeakerRecordsDocument,
  SpeakerProfileFragment,
} from './operations.generated';
import { inputProblems } from './problems';

const texts = catalogue({
  en: {
    title: 'Merge a duplicate',
    intro: 'When the same person has two records, find the other one and merge it into this one.',
    find: 'Find the other record by name',
    results: 'Records found',
    noResults: 'No other record has this name.',
    appearances_one: '{{count}} appearance',
    appearances_other: '{{count}} appearances',
    choose: 'Merge {{other}} into this record',
    confirmTitle: 'Merge {{other}} into {{name}}?',
    keeps:
      '{{name}} stays: their name, address and profile win, and take from {{other}} the spellings, bio languages, links and photo they lack.',
    moves: 'What moves to {{name}}',
    appearanceIn: '{{session}} ({{conference}})',
    interview: 'Interview: {{title}}',
    nothingMoves: '{{other}} has no appearances or interviews.',
    redirects: 'These public addresses of {{other}} will redirect (301) to {{to}}:',
    deleted: 'The record {{other}} is then deleted. This cannot be undone.',
    merge: 'Merge',
    cancel: 'Cancel',
    merged: 'Merged: {{other}} is now part of {{name}}.',
    untitled: '(untitled)',
  },
  sv: {
    title: 'Slå ihop med en dubblett',
    intro: 'När samma person finns i två poster: sök upp den andra och slå ihop den med den här.',
    find: 'Sök den andra posten på namn',
    results: 'Hittade poster',
    noResults: 'Ingen annan post har det namnet.',
    appearances_one: '{{count}} medverkan',
    appearances_other: '{{count}} medverkanden',
    choose: 'Slå ihop {{other}} med den här posten',
    confirmTitle: 'Slå ihop {{other}} med {{name}}?',
    keeps:
      '{{name}} blir kvar: namnet, adressen och profilen gäller, och får från {{other}} de stavningar, språk i presentationen, länkar och det foto som saknas.',
    moves: 'Det här flyttas till {{name}}',
    appearanceIn: '{{session}} ({{conference}})',
    interview: 'Intervju: {{title}}',
    nothingMoves: '{{other}} har inga medverkanden eller intervjuer.',
    redirects: 'De här publika adresserna till {{other}} skickas vidare (301) till {{to}}:',
    deleted: 'Posten {{other}} tas sedan bort. Det går inte att ångra.',
    merge: 'Slå ihop',
    cancel: 'Avbryt',
    merged: 'Ihopslaget: {{other}} är nu en del av {{name}}.',
    untitled: '(utan titel)',
  },
  nb: {
    title: 'Slå sammen med et duplikat',
    intro: 'Når samme person har to oppføringer: finn den andre og slå den sammen med denne.',
    find: 'Finn den andre oppføringen etter navn',
    results: 'Oppføringer funnet',
    noResults: 'Ingen annen oppføring har dette navnet.',
    appearances_one: '{{count}} opptreden',
    appearances_other: '{{count}} opptredener',
    choose: 'Slå sammen {{other}} med denne oppføringen',
    confirmTitle: 'Slå sammen {{other}} med {{name}}?',
    keeps:
      '{{name}} blir stående: navnet, adressen og profilen gjelder, og får fra {{other}} de stavemåtene, språkene i presentasjonen, lenkene og bildet som mangler.',
    moves: 'Dette flyttes til {{name}}',
    appearanceIn: '{{session}} ({{conference}})',
    interview: 'Intervju: {{title}}',
    nothingMoves: '{{other}} har ingen opptredener eller intervjuer.',
    redirects: 'Disse offentlige adressene til {{other}} sender videre (301) til {{to}}:',
    deleted: 'Oppføringen {{other}} slettes deretter. Det kan ikke angres.',
    merge: 'Slå sammen',
    cancel: 'Avbryt',
    merged: 'Slått sammen: {{other}} er nå en del av {{name}}.',
    untitled: '(uten tittel)',
  },
});

type Candidate = DuplicateCandidatesQuery['speakers']['edges'][number]['node'];

const publicAddress = (slug: string) => `${location.origin}/speakers/${slug}`;

/** Two records of one person made one: the other one's appearances and interviews move here, and its addresses lead here. */
export function MergeDuplicate({ speaker, onMerged }: { speaker: SpeakerProfileFragment; onMerged: (message: string) => void }) {
  const t = useTexts(texts);
  const [typed, setTyped] = useState('');
  const [text, setText] = useState('');
  useEffect(() => {
    const waiting = setTimeout(() => setText(typed.trim()), 250);
    return () => clearTimeout(waiting);
  }, [typed]);
  const [{ data }] = useQuery({ query: DuplicateCandidatesDocument, variables: { text }, pause: text === '' });
  const [chosen, setChosen] = useState<Candidate | null>(null);
  const [merged, merge] = useMutation(MergeSpeakerRecordsDocument);
  const problems = inputProblems(merged.error);
  const candidates = text ? (data?.speakers.edges.map((edge) => edge.node).filter((each) => each.id !== speaker.id) ?? []) : [];

  const confirm = async () => {
    if (!chosen) return;
    const answer = await merge({ input: { keepId: speaker.id, mergeId: chosen.id } });
    if (answer.error) return;
    const other = chosen.name;
    setChosen(null);
    setTyped('');
    setText('');
    onMerged(t('merged', { other, name: speaker.name }));
  };

  return (
    <section class="speakers-merge" aria-labelledby="speaker-merge">
      <h2 id="speaker-merge">{t('title')}</h2>
      <p class="hint">{t('intro')}</p>
      <div role="search">
        <TextField label={t('find')} type="search" value={typed} onValue={setTyped} />
      </div>
      {text && data && (
        <>
          <h3>{t('results')}</h3>
          {candidates.length === 0 ? (
            <p>{t('noResults')}</p>
          ) : (
            <ul class="speakers-merge-results">
              {candidates.map((candidate) => (
                <li key={candidate.id}>
                  <strong>{candidate.name}</strong>
                  <span class="speakers-address">/speakers/{candidate.slug}</span>
                  <span>
                    {t(candidate.appearances.length === 1 ? 'appearances_one' : 'appearances_other', {
                      count: candidate.appearances.length,
                    })}
                    {candidate.appearances.length > 0 &&
                      ` · ${[...new Set(candidate.appearances.map((appearance) => appearance.session.conference.name))].join(', ')}`}
                  </span>
                  <button type="button" class="secondary" onClick={() => setChosen(candidate)}>
                    {t('choose', { other: candidate.name })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <Dialog
        title={chosen ? t('confirmTitle', { other: chosen.name, name: speaker.name }) : t('title')}
        open={chosen !== null}
        onClose={() => setChosen(null)}
      >
        {chosen && (
          <div class="speakers-merge-confirm">
            <p>{t('keeps', { name: speaker.name, other: chosen.name })}</p>
            <h3>{t('moves', { name: speaker.name })}</h3>
            {chosen.appearances.length + chosen.interviews.length === 0 ? (
              <p>{t('nothingMoves', { other: chosen.name })}</p>
            ) : (
              <ul>
                {chosen.appearances.map((appearance) => (
                  <li key={appearance.id}>
                    {t('appearanceIn', {
                      session: appearance.session.title ?? t('untitled'),
                      conference: appearance.session.conference.name,
                    })}
                  </li>
                ))}
                {chosen.interviews.map((interview) => (
                  <li key={interview.id}>{t('interview', { title: interview.title ?? t('untitled') })}</li>
                ))}
              </ul>
            )}
            <p>{t('redirects', { other: chosen.name, to: publicAddress(speaker.slug) })}</p>
            <ul>
              {[chosen.slug, ...chosen.otherSlugs].map((slug) => (
                <li key={slug} class="speakers-address">
                  {publicAddress(slug)}
                </li>
              ))}
            </ul>
            <p>{t('deleted', { other: chosen.name })}</p>
            <ProblemList problems={problems} />
            <div class="speakers-actions">
              <button type="button" class="danger" onClick={confirm} disabled={merged.fetching}>
                {t('merge')}
              </button>
              <button type="button" class="secondary" onClick={() => setChosen(null)}>
                {t('cancel')}
              </button>
            </div>
          </div>
        )}
      </Dialog>
    </section>
  );
}
