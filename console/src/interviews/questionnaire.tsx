import { useMutation, useQuery } from '@urql/preact';
import { useLocation, useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { useTexts } from '../i18n';
import { localOf, utcOf } from '../schedule/zoned-time';
import { CheckboxField, ProblemList, SelectField, Status, TextAreaField, TextField } from '../ui/controls';
import { Problem, problemsOf } from '../ui/errors';
import { Dialog } from '../ui/dialog';
import { Page } from '../ui/page';
import { interviewsPath, texts } from './interview-texts';
import { titleOf } from './interviews';
import {
  ApproveQuestionnaireAnswersDocument,
  AssignQuestionnaireDocument,
  AssignmentFieldsFragment,
  ConferenceSpeakersDocument,
  CreateQuestionnaireDocument,
  PublishQuestionnaireDocument,
  QuestionnaireDocument,
  QuestionnaireFieldsFragment,
  ReturnQuestionnaireAnswersDocument,
  UpdateQuestionnaireAnswersDocument,
  UpdateQuestionnaireDocument,
} from './operations.generated';

/** The problem the server blamed on this field or on a part of it (`questions[1].text[0].locale` for `questions[1].text`). */
export function problemAt(problems: Problem[], field: string): Problem | undefined {
  return problems.find(
    (problem) => problem.field === field || problem.field?.startsWith(`${field}[`) || problem.field?.startsWith(`${field}.`),
  );
}

const localesIn = (value: string) =>
  value
    .split(',')
    .map((each) => each.trim())
    .filter(Boolean);

type Conference = NonNullable<ReturnType<typeof useConference>>;

function useConference(slug: string) {
  const [{ data }] = useQuery({ query: ConferenceSpeakersDocument, variables: { slug } });
  return data?.conference;
}

/** One questionnaire: its questions (localised), the speakers asked and their answers, approving, returning and publishing. */
export default function QuestionnaireScreen() {
  const t = useTexts(texts);
  const { params } = useRoute();
  const slug = params.slug as string;
  const id = decodeURIComponent(params.questionnaireId as string);
  const creating = id === 'new';
  const conference = useConference(slug);
  const [{ data, fetching }, refetch] = useQuery({
    query: QuestionnaireDocument,
    variables: { id },
    pause: creating,
    requestPolicy: 'network-only',
  });
  if (!conference || (fetching && !data)) return <p>{t('loading')}</p>;
  const questionnaire = data?.node && 'status' in data.node ? data.node : null;
  if (!creating && !questionnaire) return <p role="alert">{t('questionnaireNotFound')}</p>;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const title = questionnaire
    ? t('questionnaire', {
        name: titleOf(
          questionnaire.titlePattern,
          questionnaire.assignments.flatMap((each) => (each.speaker ? [each.speaker.name] : [])),
        ),
      })
    : t('questionnaireNew');

  return (
    <Page title={title} actions={<a href={interviewsPath(slug)}>{t('back')}</a>}>
      <QuestionsForm key={questionnaire?.id ?? 'new'} conference={conference} questionnaire={questionnaire} />
      {questionnaire && (
        <>
          <Assignments conference={conference} questionnaire={questionnaire} onChanged={reload} />
          <Publishing conferenceSlug={slug} questionnaire={questionnaire} onChanged={reload} />
        </>
      )}
    </Page>
  );
}

interface QuestionDraft {
  /** Stable across reordering, for Preact's keys. */
  uid: number;
  key: string;
  texts: Record<string, string>;
}

let drafts = 0;

function draftsOf(questionnaire: QuestionnaireFieldsFragment | null): QuestionDraft[] {
  return (questionnaire?.questions ?? []).map((question) => ({
    uid: drafts++,
    key: question.key,
    texts: Object.fromEntries(question.texts.map((each) => [each.locale, each.text])),
  }));
}

/** The languages the title and lead are stored in, which a language no longer listed removes. */
function storedLocales(questionnaire: QuestionnaireFieldsFragment | null): Set<string> {
  return new Set([...(questionnaire?.titlePatterns ?? []), ...(questionnaire?.leads ?? [])].map((each) => each.locale));
}

function QuestionsForm({ conference, questionnaire }: { conference: Conference; questionnaire: QuestionnaireFieldsFragment | null }) {
  const t = useTexts(texts);
  const { route } = useLocation();
  const readOnly = questionnaire?.status === 'PUBLISHED';
  const [locales, setLocales] = useState(questionnaire ? questionnaire.locales.join(', ') : conference.defaultLocale);
  const [titles, setTitles] = useState<Record<string, string>>(() =>
    Object.fromEntries((questionnaire?.titlePatterns ?? []).map((each) => [each.locale, each.text])),
  );
  const [leads, setLeads] = useState<Record<string, string>>(() =>
    Object.fromEntries((questionnaire?.leads ?? []).map((each) => [each.locale, each.text])),
  );
  const [dueAt, setDueAt] = useState(questionnaire?.dueAt ? localOf(questionnaire.dueAt, conference.timeZone) : '');
  const [sessionId, setSessionId] = useState(questionnaire?.session?.id ?? '');
  const [questions, setQuestions] = useState<QuestionDraft[]>(() => draftsOf(questionnaire));
  const [stored, setStored] = useState(() => storedLocales(questionnaire));
  const [created, create] = useMutation(CreateQuestionnaireDocument);
  const [updated, update] = useMutation(UpdateQuestionnaireDocument);
  const [saved, setSaved] = useState(false);
  const problems = problemsOf(created.error ?? updated.error);
  const shown = localesIn(locales);
  /** What the server keeps after a save, the keys it made included. */
  const load = (from: QuestionnaireFieldsFragment) => {
    setLocales(from.locales.join(', '));
    setTitles(Object.fromEntries(from.titlePatterns.map((each) => [each.locale, each.text])));
    setLeads(Object.fromEntries(from.leads.map((each) => [each.locale, each.text])));
    setDueAt(from.dueAt ? localOf(from.dueAt, conference.timeZone) : '');
    setSessionId(from.session?.id ?? '');
    setQuestions(draftsOf(from));
    setStored(storedLocales(from));
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    // Locales that were there and are no longer listed are removed (text: null).
    const every = [...new Set([...shown, ...stored])];
    const localised = (values: Record<string, string>) =>
      every.flatMap((locale): { locale: string; text: string | null }[] => {
        const text = shown.includes(locale) ? (values[locale] ?? '').trim() : '';
        return text ? [{ locale, text }] : questionnaire ? [{ locale, text: null }] : [];
      });
    const fields = {
      locales: shown,
      titlePattern: localised(titles),
      lead: localised(leads),
      dueAt: dueAt ? utcOf(dueAt, conference.timeZone) : null,
      sessionId: sessionId || null,
      questions: questions.map((question) => ({
        ...(question.key.trim() ? { key: question.key.trim() } : {}),
        text: shown.flatMap((locale) => {
          const text = (question.texts[locale] ?? '').trim();
          return text ? [{ locale, text }] : [];
        }),
      })),
    };
    if (questionnaire) {
      const answer = await update({ input: { id: questionnaire.id, ...fields } });
      if (!answer.data) return;
      load(answer.data.updateQuestionnaire);
      setSaved(true);
    } else {
      const answer = await create({ input: { conferenceId: conference.id, ...fields } });
      if (answer.data) route(interviewsPath(conference.slug, `/questionnaires/${encodeURIComponent(answer.data.createQuestionnaire.id)}`));
    }
  };
  const setQuestion = (index: number, change: Partial<QuestionDraft>) =>
    setQuestions((previous) => previous.map((each, at) => (at === index ? { ...each, ...change } : each)));
  const move = (index: number, by: number) =>
    setQuestions((previous) => {
      const next = [...previous];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });

  return (
    <form class="questionnaire-form" onSubmit={submit} noValidate>
      {readOnly && questionnaire?.interview && (
        <p class="notice">
          {t('publishedReadOnly')} <a href={interviewsPath(conference.slug, `/${questionnaire.interview.slug}`)}>{t('openInterview')}</a>
        </p>
      )}
      <fieldset class="plain" disabled={readOnly}>
        <div class="form-grid">
          <TextField
            label={t('locales')}
            hint={t('localesHint')}
            value={locales}
            onValue={setLocales}
            problem={problemAt(problems, 'locales')}
          />
          <TextField
            label={t('dueAt', { zone: conference.timeZone })}
            type="datetime-local"
            value={dueAt}
            onValue={setDueAt}
            problem={problemAt(problems, 'dueAt')}
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
        </div>
        <div class="interview-locales">
          {shown.map((locale, index) => (
            <div class="interview-locale" key={locale} lang={locale}>
              <TextField
                label={t('titlePattern', { locale })}
                hint={index === 0 ? t('titlePatternHint') : undefined}
                value={titles[locale] ?? ''}
                onValue={(value) => setTitles((previous) => ({ ...previous, [locale]: value }))}
                problem={index === 0 ? problemAt(problems, 'titlePattern') : undefined}
              />
              <TextAreaField
                label={t('lead', { locale })}
                rows={2}
                value={leads[locale] ?? ''}
                onValue={(value) => setLeads((previous) => ({ ...previous, [locale]: value }))}
                problem={index === 0 ? problemAt(problems, 'lead') : undefined}
              />
            </div>
          ))}
        </div>
        <h2>{t('questionsHeading')}</h2>
        <ol class="question-list">
          {questions.map((question, index) => {
            const number = index + 1;
            return (
              <li key={question.uid}>
                <fieldset class="question">
                  <legend>{t('question', { number })}</legend>
                  <div class="question-fields">
                    <TextField
                      label={t('questionKey')}
                      hint={t('questionKeyHint')}
                      value={question.key}
                      onValue={(key) => setQuestion(index, { key })}
                      problem={problemAt(problems, `questions[${index}].key`)}
                    />
                    {shown.map((locale, at) => (
                      <div lang={locale} key={locale}>
                        <TextAreaField
                          label={t('questionText', { number, locale })}
                          rows={2}
                          value={question.texts[locale] ?? ''}
                          onValue={(value) => setQuestion(index, { texts: { ...question.texts, [locale]: value } })}
                          problem={at === 0 ? problemAt(problems, `questions[${index}].text`) : undefined}
                        />
                      </div>
                    ))}
                  </div>
                  <div class="row-actions">
                    <button type="button" class="secondary" disabled={index === 0} onClick={() => move(index, -1)}>
                      {t('moveUp', { number })}
                    </button>
                    <button type="button" class="secondary" disabled={index === questions.length - 1} onClick={() => move(index, 1)}>
                      {t('moveDown', { number })}
                    </button>
                    <button
                      type="button"
                      class="secondary"
                      onClick={() => setQuestions((previous) => previous.filter((_, at) => at !== index))}
                    >
                      {t('removeQuestion', { number })}
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
            onClick={() => setQuestions((previous) => [...previous, { uid: drafts++, key: '', texts: {} }])}
          >
            {t('addQuestion')}
          </button>
        </p>
        <ProblemList
          problems={problems}
          shownFields={problems
            .map((problem) => problem.field ?? '')
            .filter((field) => /^(locales|dueAt|sessionId|titlePattern|lead|questions\[\d+\]\.(key|text))/.test(field))}
        />
        <button type="submit" disabled={created.fetching || updated.fetching}>
          {t('save')}
        </button>
        <Status>{saved ? t('saved') : null}</Status>
      </fieldset>
    </form>
  );
}

function Assignments({
  conference,
  questionnaire,
  onChanged,
}: {
  conference: Conference;
  questionnaire: QuestionnaireFieldsFragment;
  onChanged: () => void;
}) {
  const t = useTexts(texts);
  const [speakerId, setSpeakerId] = useState('');
  const [left, setLeft] = useState<string[]>([]);
  const [changing, setChanging] = useState<AssignmentFieldsFragment | null>(null);
  const [assigned, assign] = useMutation(AssignQuestionnaireDocument);
  const [status, setStatus] = useState<string | null>(null);
  const asked = new Set(questionnaire.assignments.map((each) => each.speaker?.id));
  const choices = conference.speakers.edges.map((edge) => edge.node).filter((speaker) => !asked.has(speaker.id));
  const open = questionnaire.status === 'OPEN';
  const problems = problemsOf(assigned.error);

  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus(null);
    const questionKeys = questionnaire.questions.map((question) => question.key).filter((key) => !left.includes(key));
    const answer = await assign({
      input: { questionnaireId: questionnaire.id, speakerId, ...(left.length ? { questionKeys } : {}) },
    });
    if (answer.data) {
      setStatus(t('assignedTo', { name: answer.data.assignQuestionnaire.speaker?.name ?? '' }));
      setSpeakerId('');
      setLeft([]);
      onChanged();
    }
  };

  return (
    <section aria-labelledby="assigned-heading">
      <h2 id="assigned-heading">{t('assigned')}</h2>
      {questionnaire.assignments.length === 0 ? (
        <p>{t('noneAssigned')}</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">{t('speaker')}</th>
              <th scope="col">{t('state')}</th>
              <th scope="col">{t('theirQuestions')}</th>
              <th scope="col">{t('submittedAt')}</th>
              {open && <th scope="col">{t('actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {questionnaire.assignments.map((assignment) => (
              <tr key={assignment.id}>
                <td>{assignment.speaker?.name}</td>
                <td>
                  <span class={`badge assignment-${assignment.status.toLowerCase()}`}>{t(`assignment${assignment.status}` as const)}</span>
                </td>
                <td>
                  {assignment.questions.length === questionnaire.questions.length
                    ? t('allQuestions')
                    : assignment.questions
                        .map((question) => questionnaire.questions.findIndex((each) => each.key === question.key) + 1)
                        .join(', ')}
                </td>
                <td>{assignment.submittedAt ? localOf(assignment.submittedAt, conference.timeZone).replace('T', ' ') : ''}</td>
                {open && (
                  <td>
                    <button type="button" class="secondary" onClick={() => setChanging(assignment)}>
                      {t('changeQuestions', { name: assignment.speaker?.name ?? '' })}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <form class="assign-form" onSubmit={submit} noValidate>
          <SelectField
            label={t('assignSpeaker')}
            value={speakerId}
            onValue={setSpeakerId}
            options={[{ value: '', label: t('chooseSpeaker') }, ...choices.map((speaker) => ({ value: speaker.id, label: speaker.name }))]}
            problem={problemAt(problems, 'speakerId')}
          />
          <fieldset class="assign-questions">
            <legend>{t('questionsToAnswer')}</legend>
            {questionnaire.questions.map((question) => (
              <CheckboxField
                key={question.key}
                label={question.text}
                checked={!left.includes(question.key)}
                onChecked={(checked) =>
                  setLeft((previous) => (checked ? previous.filter((key) => key !== question.key) : [...previous, question.key]))
                }
              />
            ))}
            {problemAt(problems, 'questionKeys') && <p class="problem">{problemAt(problems, 'questionKeys')?.message}</p>}
          </fieldset>
          <button type="submit" disabled={assigned.fetching}>
            {t('assign')}
          </button>
          <ProblemList problems={problems} shownFields={['speakerId', 'questionKeys']} />
          <Status>{status}</Status>
        </form>
      )}
      <Dialog title={t('questionsOf', { name: changing?.speaker?.name ?? '' })} open={changing !== null} onClose={() => setChanging(null)}>
        {changing && (
          <QuestionChoice
            questionnaire={questionnaire}
            assignment={changing}
            onDone={(changed) => {
              setChanging(null);
              if (changed) {
                setStatus(t('questionsChanged', { name: changing.speaker?.name ?? '' }));
                onChanged();
              }
            }}
          />
        )}
      </Dialog>
      {questionnaire.assignments.map((assignment) => (
        <Review key={assignment.id} questionnaire={questionnaire} assignment={assignment} onChanged={onChanged} />
      ))}
    </section>
  );
}

/** One speaker's answers, question by question in every language they gave, with approving and returning. */
function Review({
  questionnaire,
  assignment,
  onChanged,
}: {
  questionnaire: QuestionnaireFieldsFragment;
  assignment: AssignmentFieldsFragment;
  onChanged: () => void;
}) {
  const t = useTexts(texts);
  const name = assignment.speaker?.name ?? '';
  const [note, setNote] = useState('');
  const [correcting, setCorrecting] = useState(false);
  const [approved, approve] = useMutation(ApproveQuestionnaireAnswersDocument);
  const [returned, giveBack] = useMutation(ReturnQuestionnaireAnswersDocument);
  const [status, setStatus] = useState<string | null>(null);
  const problems = problemsOf(approved.error ?? returned.error);
  const open = questionnaire.status === 'OPEN';
  const keys = new Set(assignment.questions.map((question) => question.key));
  const headingId = `answers-${assignment.id.replace(/[^a-zA-Z0-9]/g, '')}`;

  return (
    <section class="answers" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('answersOf', { name })} <span class="badge">{t(`assignment${assignment.status}` as const)}</span>
      </h3>
      {assignment.note && assignment.status === 'RETURNED' && <p>{t('returnedNote', { note: assignment.note })}</p>}
      <dl>
        {questionnaire.questions
          .filter((question) => keys.has(question.key))
          .map((question) => {
            const given = assignment.answers.find((each) => each.questionKey === question.key)?.texts ?? [];
            return (
              <div key={question.key} class="answer">
                <dt>{question.text}</dt>
                {given.length === 0 ? (
                  <dd class="no-answer">{t('noAnswer')}</dd>
                ) : (
                  given.map((each) => (
                    <dd key={each.locale} lang={each.locale}>
                      <span class="answer-locale">{each.locale}</span> <span class="answer-text">{each.text}</span>
                    </dd>
                  ))
                )}
              </div>
            );
          })}
      </dl>
      {open &&
        (correcting ? (
          <AnswerEditor
            questionnaire={questionnaire}
            assignment={assignment}
            onDone={(changed) => {
              setCorrecting(false);
              if (changed) {
                setStatus(t('answersCorrected', { name }));
                onChanged();
              }
            }}
          />
        ) : (
          <p>
            <button type="button" class="secondary" onClick={() => setCorrecting(true)}>
              {t('correctAnswers', { name })}
            </button>
          </p>
        ))}
      {open && (assignment.status === 'SUBMITTED' || assignment.status === 'APPROVED') && (
        <div class="review-actions">
          {assignment.status === 'SUBMITTED' && (
            <p>
              <button
                type="button"
                disabled={approved.fetching}
                onClick={async () => {
                  setStatus(null);
                  const answer = await approve({ input: { id: assignment.id } });
                  if (answer.data) {
                    setStatus(t('approved', { name }));
                    onChanged();
                  }
                }}
              >
                {t('approve', { name })}
              </button>
            </p>
          )}
          <form
            onSubmit={async (event) => {
              event.preventDefault();
              setStatus(null);
              const answer = await giveBack({ input: { id: assignment.id, note } });
              if (answer.data) {
                setStatus(t('returned', { name }));
                setNote('');
                onChanged();
              }
            }}
            noValidate
          >
            <TextAreaField
              label={t('returnNote', { name })}
              rows={2}
              value={note}
              onValue={setNote}
              problem={problemAt(problems, 'note')}
            />
            <button type="submit" class="secondary" disabled={returned.fetching}>
              {t('returnAnswers', { name })}
            </button>
          </form>
        </div>
      )}
      <ProblemList problems={problems} shownFields={['note']} />
      <Status>{status}</Status>
    </section>
  );
}

/** Which of the questions one speaker answers (in a panel, each their own). */
function QuestionChoice({
  questionnaire,
  assignment,
  onDone,
}: {
  questionnaire: QuestionnaireFieldsFragment;
  assignment: AssignmentFieldsFragment;
  onDone: (changed: boolean) => void;
}) {
  const t = useTexts(texts);
  const [keys, setKeys] = useState(() => assignment.questions.map((question) => question.key));
  const [result, assign] = useMutation(AssignQuestionnaireDocument);
  const problems = problemsOf(result.error);
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        const questionKeys = questionnaire.questions.map((question) => question.key).filter((key) => keys.includes(key));
        const answer = await assign({
          input: { questionnaireId: questionnaire.id, speakerId: assignment.speaker?.id ?? '', questionKeys },
        });
        if (answer.data) onDone(true);
      }}
      noValidate
    >
      <fieldset class="assign-questions">
        <legend>{t('questionsToAnswer')}</legend>
        {questionnaire.questions.map((question) => (
          <CheckboxField
            key={question.key}
            label={question.text}
            checked={keys.includes(question.key)}
            onChecked={(checked) =>
              setKeys((previous) => (checked ? [...previous, question.key] : previous.filter((key) => key !== question.key)))
            }
          />
        ))}
        {problemAt(problems, 'questionKeys') && <p class="problem">{problemAt(problems, 'questionKeys')?.message}</p>}
      </fieldset>
      <ProblemList problems={problems} shownFields={['questionKeys']} />
      <div class="row-actions">
        <button type="submit" disabled={result.fetching}>
          {t('save')}
        </button>
        <button type="button" class="secondary" onClick={() => onDone(false)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** The organisers' corrections to a speaker's answers, in each language the questionnaire is answered in. */
function AnswerEditor({
  questionnaire,
  assignment,
  onDone,
}: {
  questionnaire: QuestionnaireFieldsFragment;
  assignment: AssignmentFieldsFragment;
  onDone: (changed: boolean) => void;
}) {
  const t = useTexts(texts);
  const name = assignment.speaker?.name ?? '';
  const keys = assignment.questions.map((question) => question.key);
  const storedText = (key: string, locale: string) =>
    assignment.answers.find((each) => each.questionKey === key)?.texts.find((each) => each.locale === locale)?.text ?? '';
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(keys.flatMap((key) => questionnaire.locales.map((locale) => [`${key}/${locale}`, storedText(key, locale)]))),
  );
  const [result, save] = useMutation(UpdateQuestionnaireAnswersDocument);
  const problems = problemsOf(result.error);
  const questionOf = (key: string) => questionnaire.questions.find((question) => question.key === key)?.text ?? key;
  return (
    <form
      class="answer-editor"
      onSubmit={async (event) => {
        event.preventDefault();
        const answers = keys.map((questionKey) => ({
          questionKey,
          text: questionnaire.locales.flatMap((locale): { locale: string; text: string | null }[] => {
            const text = (values[`${questionKey}/${locale}`] ?? '').trim();
            return text ? [{ locale, text }] : storedText(questionKey, locale) ? [{ locale, text: null }] : [];
          }),
        }));
        const answer = await save({ input: { id: assignment.id, answers } });
        if (answer.data) onDone(true);
      }}
      noValidate
    >
      {keys.map((key, index) =>
        questionnaire.locales.map((locale, column) => (
          <div lang={locale} key={`${key}/${locale}`}>
            <TextAreaField
              label={t('answerIn', { question: questionOf(key), locale })}
              rows={3}
              value={values[`${key}/${locale}`] ?? ''}
              onValue={(value) => setValues((previous) => ({ ...previous, [`${key}/${locale}`]: value }))}
              problem={column === 0 ? problemAt(problems, `answers[${index}]`) : undefined}
            />
          </div>
        )),
      )}
      <ProblemList
        problems={problems}
        shownFields={problems.map((problem) => problem.field ?? '').filter((field) => field.startsWith('answers['))}
      />
      <div class="row-actions">
        <button type="submit" disabled={result.fetching}>
          {t('saveAnswers', { name })}
        </button>
        <button type="button" class="secondary" onClick={() => onDone(false)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function Publishing({
  conferenceSlug,
  questionnaire,
  onChanged,
}: {
  conferenceSlug: string;
  questionnaire: QuestionnaireFieldsFragment;
  onChanged: () => void;
}) {
  const t = useTexts(texts);
  const { route } = useLocation();
  const [slug, setSlug] = useState('');
  const [published, setPublished] = useState(true);
  const [result, publish] = useMutation(PublishQuestionnaireDocument);
  const problems = problemsOf(result.error);
  if (questionnaire.status !== 'OPEN' || questionnaire.assignments.length === 0) return null;
  return (
    <form
      class="publish-form"
      aria-labelledby="publish-heading"
      onSubmit={async (event) => {
        event.preventDefault();
        const answer = await publish({ input: { id: questionnaire.id, published, ...(slug.trim() ? { slug: slug.trim() } : {}) } });
        const interview = answer.data?.publishQuestionnaire.interview;
        if (interview) route(interviewsPath(conferenceSlug, `/${interview.slug}`));
        else if (answer.data) onChanged();
      }}
      noValidate
    >
      <h2 id="publish-heading">{t('publishHeading')}</h2>
      <p class="hint">{t('publishHint')}</p>
      <TextField
        label={t('interviewSlug')}
        hint={t('interviewSlugHint')}
        value={slug}
        onValue={setSlug}
        problem={problemAt(problems, 'slug')}
        pattern="[a-z0-9-]*"
      />
      <CheckboxField label={t('publishNow')} checked={published} onChecked={setPublished} />
      <ProblemList problems={problems} shownFields={['slug']} />
      <button type="submit" disabled={result.fetching}>
        {t('publish')}
      </button>
    </form>
  );
}
