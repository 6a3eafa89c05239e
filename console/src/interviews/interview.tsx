import { useMutation, useQuery } from '@urql/preact';
import { useLocation, useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { useTexts } from '../i18n';
import { CheckboxField, ProblemList, SelectField, Status, TextAreaField, TextField } from '../ui/controls';
import { problemsOf } from '../ui/errors';
import { Page } from '../ui/page';
import { INTERVIEW_LOCALES, InterviewLocale, interviewsPath, texts } from './interview-texts';
import {
  ConferenceSpeakersDocument,
  CreateInterviewDocument,
  DeleteInterviewDocument,
  InterviewDocument,
  InterviewFieldsFragment,
  InterviewItemFieldsFragment,
  UpdateInterviewDocument,
} from './operations.generated';
import { problemAt } from './questionnaire';

type Localised = Record<InterviewLocale, string>;
const SUFFIX: Record<InterviewLocale, 'Sv' | 'Nb' | 'En'> = { sv: 'Sv', nb: 'Nb', en: 'En' };
const empty = (): Localised => ({ sv: '', nb: '', en: '' });

/** The title in each language the interview has it in (the API falls back to another language where one is missing). */
function titlesOf(interview: InterviewFieldsFragment): Localised {
  const titles = empty();
  for (const locale of INTERVIEW_LOCALES) {
    if (interview[`titleLocale${SUFFIX[locale]}`] === locale) titles[locale] = interview[`title${SUFFIX[locale]}`];
  }
  return titles;
}

interface ItemDraft {
  uid: number;
  id: string | null;
  question: Localised;
  answer: Localised;
  /** The languages the stored item has, which an emptied field removes. */
  stored: Set<InterviewLocale>;
  answeredById: string;
  askedBy: string;
}

let drafts = 0;

function draftOf(item: InterviewItemFieldsFragment): ItemDraft {
  const question = empty();
  const answer = empty();
  const stored = new Set<InterviewLocale>();
  for (const locale of INTERVIEW_LOCALES) {
    const suffix = SUFFIX[locale];
    if (item[`answerLocale${suffix}`] !== locale) continue;
    stored.add(locale);
    question[locale] = item[`question${suffix}`];
    answer[locale] = item[`answer${suffix}`];
  }
  return { uid: drafts++, id: item.id, question, answer, stored, answeredById: item.answeredBy?.id ?? '', askedBy: item.askedBy ?? '' };
}

/** The texts to send: those written, and an emptied one that was stored as null (which removes it). */
function localisedInput(values: Localised, stored: Set<InterviewLocale>) {
  return INTERVIEW_LOCALES.flatMap((locale): { locale: string; text: string | null }[] => {
    const text = values[locale].trim();
    return text ? [{ locale, text }] : stored.has(locale) ? [{ locale, text: null }] : [];
  });
}

/** One interview: written by hand or published from a questionnaire; its questions and answers, and publishing it. */
export default function InterviewScreen() {
  const t = useTexts(texts);
  const { params } = useRoute();
  const slug = params.slug as string;
  const interviewSlug = params.interviewSlug as string;
  const creating = interviewSlug === 'new';
  const [speakers] = useQuery({ query: ConferenceSpeakersDocument, variables: { slug } });
  const [{ data, fetching }, refetch] = useQuery({
    query: InterviewDocument,
    variables: { slug: interviewSlug },
    pause: creating,
    requestPolicy: 'network-only',
  });
  const conference = speakers.data?.conference;
  if (!conference || (fetching && !data)) return <p>{t('loading')}</p>;
  const interview = data?.interview ?? null;
  if (!creating && !interview) return <p role="alert">{t('interviewNotFound')}</p>;
  const name = interview?.title ?? '';

  return (
    <Page title={interview ? t('interview', { name }) : t('interviewNew')} actions={<a href={interviewsPath(slug)}>{t('back')}</a>}>
      {interview && (
        <Publication conferenceSlug={slug} interview={interview} name={name} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
      )}
      <InterviewForm
        key={interview?.id ?? 'new'}
        conference={conference}
        interview={interview}
        onSaved={() => refetch({ requestPolicy: 'network-only' })}
      />
    </Page>
  );
}

function Publication({
  conferenceSlug,
  interview,
  name,
  onChanged,
}: {
  conferenceSlug: string;
  interview: InterviewFieldsFragment;
  name: string;
  onChanged: () => void;
}) {
  const t = useTexts(texts);
  const { route } = useLocation();
  const [result, update] = useMutation(UpdateInterviewDocument);
  const [deleted, remove] = useMutation(DeleteInterviewDocument);
  const [status, setStatus] = useState<string | null>(null);
  return (
    <div class={interview.published ? 'publication publication-published' : 'publication'}>
      <p>
        <strong>{interview.published ? t('isPublished') : t('isNotPublished')}</strong>{' '}
        {interview.published && <a href={`/interviews/${interview.slug}`}>{t('publicPage')}</a>}
      </p>
      <div class="row-actions">
        <button
          type="button"
          disabled={result.fetching}
          onClick={async () => {
            setStatus(null);
            const answer = await update({ input: { id: interview.id, published: !interview.published } });
            if (answer.data) {
              setStatus(answer.data.updateInterview.published ? t('nowPublished') : t('nowUnpublished'));
              onChanged();
            }
          }}
        >
          {interview.published ? t('unpublishInterview') : t('publishInterview')}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={deleted.fetching}
          onClick={async () => {
            if (!confirm(t('confirmDelete', { name }))) return;
            const answer = await remove({ input: { id: interview.id } });
            if (answer.data) route(interviewsPath(conferenceSlug));
          }}
        >
          {t('deleteInterview')}
        </button>
      </div>
      <ProblemList problems={problemsOf(result.error ?? deleted.error)} />
      <Status>{status}</Status>
    </div>
  );
}

function InterviewForm({
  conference,
  interview,
  onSaved,
}: {
  onSaved: () => void;
  conference: {
    id: string;
    slug: string;
    defaultLocale: string;
    speakers: { edges: { node: { id: string; name: string } }[] };
    sessions: { edges: { node: { id: string; title: string } }[] };
  };
  interview: InterviewFieldsFragment | null;
}) {
  const t = useTexts(texts);
  const { route } = useLocation();
  const [slug, setSlug] = useState(interview?.slug ?? '');
  const [language, setLanguage] = useState(interview?.language ?? conference.defaultLocale);
  const [author, setAuthor] = useState(interview?.author ?? '');
  const [publishedOn, setPublishedOn] = useState(interview?.publishedOn ?? '');
  const [sourceUrl, setSourceUrl] = useState(interview?.sourceUrl ?? '');
  const [sessionId, setSessionId] = useState(interview?.session?.id ?? '');
  const [storedTitles, setStoredTitles] = useState<Localised>(() => (interview ? titlesOf(interview) : empty()));
  const [titles, setTitles] = useState<Localised>(storedTitles);
  const [speakerIds, setSpeakerIds] = useState<string[]>(interview?.speakers.map((speaker) => speaker.id) ?? []);
  const [items, setItems] = useState<ItemDraft[]>(() => interview?.items.map(draftOf) ?? []);
  const [created, create] = useMutation(CreateInterviewDocument);
  const [updated, update] = useMutation(UpdateInterviewDocument);
  const [saved, setSaved] = useState(false);
  const problems = problemsOf(created.error ?? updated.error);
  /** What the server keeps after a save, new items with their ids. */
  const load = (from: InterviewFieldsFragment) => {
    setSlug(from.slug);
    setLanguage(from.language);
    setAuthor(from.author ?? '');
    setPublishedOn(from.publishedOn ?? '');
    setSourceUrl(from.sourceUrl ?? '');
    setSessionId(from.session?.id ?? '');
    setTitles(titlesOf(from));
    setStoredTitles(titlesOf(from));
    setSpeakerIds(from.speakers.map((speaker) => speaker.id));
    setItems(from.items.map(draftOf));
  };

  const everyone = new Map(
    [...(interview?.speakers ?? []), ...conference.speakers.edges.map((edge) => edge.node)].map((each) => [each.id, each]),
  );
  const chosen = speakerIds.flatMap((id) => (everyone.has(id) ? [everyone.get(id)!] : []));
  const languages = [...new Set([language, ...INTERVIEW_LOCALES, conference.defaultLocale])];

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    const stored = new Set(INTERVIEW_LOCALES.filter((locale) => storedTitles[locale]));
    const fields = {
      slug: slug.trim(),
      language,
      author: author.trim() || null,
      publishedOn: publishedOn || null,
      sourceUrl: sourceUrl.trim() || null,
      sessionId: sessionId || null,
      title: localisedInput(titles, stored),
      speakerIds,
      items: items.map((item) => ({
        ...(item.id ? { id: item.id } : {}),
        question: localisedInput(item.question, item.stored),
        answer: localisedInput(item.answer, item.stored),
        answeredById: item.answeredById || null,
        askedBy: item.askedBy.trim() || null,
      })),
    };
    if (interview) {
      const answer = await update({ input: { id: interview.id, ...fields } });
      if (!answer.data) return;
      load(answer.data.updateInterview);
      setSaved(true);
      if (answer.data.updateInterview.slug !== interview.slug)
        route(interviewsPath(conference.slug, `/${answer.data.updateInterview.slug}`), true);
      else onSaved();
    } else {
      const answer = await create({ input: { conferenceId: conference.id, ...fields, title: fields.title.filter((each) => each.text) } });
      if (answer.data) route(interviewsPath(conference.slug, `/${answer.data.createInterview.slug}`));
    }
  };
  const setItem = (index: number, change: Partial<ItemDraft>) =>
    setItems((previous) => previous.map((each, at) => (at === index ? { ...each, ...change } : each)));
  const move = (index: number, by: number) =>
    setItems((previous) => {
      const next = [...previous];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });

  return (
    <form class="interview-form" onSubmit={submit} noValidate>
      <div class="form-grid">
        <TextField label={t('slug')} value={slug} onValue={setSlug} problem={problemAt(problems, 'slug')} required pattern="[a-z0-9-]+" />
        <SelectField
          label={t('language')}
          value={language}
          onValue={setLanguage}
          options={languages.map((each) => ({ value: each, label: each }))}
          problem={problemAt(problems, 'language')}
        />
        <TextField label={t('author')} value={author} onValue={setAuthor} problem={problemAt(problems, 'author')} />
        <TextField
          label={t('publishedOn')}
          type="date"
          value={publishedOn}
          onValue={setPublishedOn}
          problem={problemAt(problems, 'publishedOn')}
        />
        <SelectField
          label={t('aboutSession')}
          value={sessionId}
          onValue={setSessionId}
          options={[
            { value: '', label: t('noSession') },
            ...conference.sessions.edges.map((edge) => ({ value: edge.node.id, label: edge.node.title })),
          ]}
          problem={problemAt(problems, 'sessionId')}
        />
        <TextField label={t('sourceUrl')} type="url" value={sourceUrl} onValue={setSourceUrl} problem={problemAt(problems, 'sourceUrl')} />
      </div>
      <div class="interview-locales">
        {INTERVIEW_LOCALES.map((locale, index) => (
          <div class="interview-locale" key={locale} lang={locale}>
            <TextField
              label={t('titleIn', { locale })}
              value={titles[locale]}
              onValue={(value) => setTitles((previous) => ({ ...previous, [locale]: value }))}
              problem={index === 0 ? problemAt(problems, 'title') : undefined}
            />
          </div>
        ))}
      </div>
      <fieldset class="interviewed">
        <legend>{t('interviewed')}</legend>
        {[...everyone.values()].map((speaker) => (
          <CheckboxField
            key={speaker.id}
            label={speaker.name}
            checked={speakerIds.includes(speaker.id)}
            onChecked={(checked) =>
              setSpeakerIds((previous) => (checked ? [...previous, speaker.id] : previous.filter((id) => id !== speaker.id)))
            }
          />
        ))}
        {problemAt(problems, 'speakerIds') && <p class="problem">{problemAt(problems, 'speakerIds')?.message}</p>}
      </fieldset>

      <h2>{t('items')}</h2>
      <ol class="question-list">
        {items.map((item, index) => {
          const number = index + 1;
          const at = `items[${index}]`;
          return (
            <li key={item.uid}>
              <fieldset class="question">
                <legend>{t('item', { number })}</legend>
                <div class="item-grid">
                  {INTERVIEW_LOCALES.map((locale, column) => (
                    <div class="interview-locale" key={locale} lang={locale}>
                      <TextAreaField
                        label={t('itemQuestion', { number, locale })}
                        rows={2}
                        value={item.question[locale]}
                        onValue={(value) => setItem(index, { question: { ...item.question, [locale]: value } })}
                        problem={column === 0 ? problemAt(problems, `${at}.question`) : undefined}
                      />
                      <TextAreaField
                        label={t('itemAnswer', { number, locale })}
                        rows={4}
                        value={item.answer[locale]}
                        onValue={(value) => setItem(index, { answer: { ...item.answer, [locale]: value } })}
                        problem={column === 0 ? problemAt(problems, `${at}.answer`) : undefined}
                      />
                    </div>
                  ))}
                </div>
                <div class="form-grid">
                  <SelectField
                    label={t('answeredBy', { number })}
                    value={item.answeredById}
                    onValue={(answeredById) => setItem(index, { answeredById })}
                    options={[
                      { value: '', label: t('nobodyInParticular') },
                      ...chosen.map((speaker) => ({ value: speaker.id, label: speaker.name })),
                    ]}
                    problem={problemAt(problems, `${at}.answeredById`)}
                  />
                  <TextField
                    label={t('askedBy', { number })}
                    value={item.askedBy}
                    onValue={(askedBy) => setItem(index, { askedBy })}
                    problem={problemAt(problems, `${at}.askedBy`)}
                  />
                </div>
                <div class="row-actions">
                  <button type="button" class="secondary" disabled={index === 0} onClick={() => move(index, -1)}>
                    {t('moveItemUp', { number })}
                  </button>
                  <button type="button" class="secondary" disabled={index === items.length - 1} onClick={() => move(index, 1)}>
                    {t('moveItemDown', { number })}
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => setItems((previous) => previous.filter((_, other) => other !== index))}
                  >
                    {t('removeItem', { number })}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p>
        <button
          type="button"
          class="secondary"
          onClick={() =>
            setItems((previous) => [
              ...previous,
              { uid: drafts++, id: null, question: empty(), answer: empty(), stored: new Set(), answeredById: '', askedBy: '' },
            ])
          }
        >
          {t('addItem')}
        </button>
      </p>
      <ProblemList
        problems={problems}
        shownFields={problems
          .map((problem) => problem.field ?? '')
          .filter((field) =>
            /^(slug|language|author|publishedOn|sourceUrl|sessionId|title|speakerIds|items\[\d+\]\.(question|answer|answeredById|askedBy))/.test(
              field,
            ),
          )}
      />
      <button type="submit" disabled={created.fetching || updated.fetching}>
        {t('save')}
      </button>
      <Status>{saved ? t('saved') : null}</Status>
    </form>
  );
}
