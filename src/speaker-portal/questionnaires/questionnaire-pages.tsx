import { DateTime } from 'luxon';
import { FieldProblem } from '../../common/errors';
import { LocalisedText, localiseFor } from '../../common/localisation';
import { inFormat, TextFormat } from '../../common/rich-text';
import { languageName, PageContext } from '../../site/site-context';
import { CsrfField, renderPortalPage } from '../pages/portal-layout';
import { AssignmentStatus } from './questionnaire-assignment.entity';
import { questionnaireTexts } from './questionnaire-texts';
import { ShownAssignment } from './questionnaire.service';

/** The form field of one question's answer in one language. */
export function answerField(index: number, locale: string): string {
  return `answer.${index}.${locale}`;
}

function DueDate({ context, dueAt, zone }: { context: PageContext; dueAt: Date | null; zone: string }) {
  const texts = questionnaireTexts(context.language);
  if (!dueAt) return <>{texts.noDue}</>;
  const local = DateTime.fromJSDate(dueAt, { zone }).setLocale(context.language);
  return <time datetime={dueAt.toISOString()}>{local.toLocaleString({ ...DateTime.DATETIME_MED, timeZoneName: 'short' })}</time>;
}

function Text({ context, text, fallback }: { context: PageContext; text: LocalisedText; fallback: string }) {
  const { text: shown, locale } = localiseFor(text, { ...context.wishes, fallback });
  return <span lang={locale ?? undefined}>{shown}</span>;
}

export function questionnairesPage(context: PageContext, csrf: string, assignments: ShownAssignment[]): string {
  const texts = questionnaireTexts(context.language);
  return renderPortalPage(
    { context, csrf, current: 'questionnaires' },
    texts.title,
    <section>
      <h1>{texts.title}</h1>
      {assignments.length === 0 ? (
        <p>{texts.none}</p>
      ) : (
        <table class="portal-questionnaires">
          <thead>
            <tr>
              <th scope="col">{texts.title}</th>
              <th scope="col">{texts.conference}</th>
              <th scope="col">{texts.state}</th>
              <th scope="col">{texts.due}</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map(({ assignment, questionnaire, title, conference }) => (
              <tr data-assignment={String(assignment.id)}>
                <td>
                  <a href={context.addresses.page(`/me/questionnaires/${assignment.id}`)}>
                    <Text context={context} text={title} fallback={questionnaire.locales[0]} />
                  </a>
                </td>
                <td>{conference.name}</td>
                <td data-status={assignment.status}>{texts.status[assignment.status]}</td>
                <td>
                  <DueDate context={context} dueAt={questionnaire.dueAt} zone={conference.timeZone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>,
  );
}

export interface AnswerForm {
  /** What the speaker typed, by form field, when a submission was refused. */
  values?: Record<string, string>;
  problems?: FieldProblem[];
  /** A refusal that names no answer (a conflict). */
  message?: string;
  /** What just happened, after a redirect: saved or submitted. */
  done?: 'saved' | 'submitted';
}

/**
 * One assignment: the lead, then per question a textarea per language (the questionnaire's),
 * "Save draft" and "Submit"; after submitting, the answers shown read-only. Errors are shown at
 * the answer they name (`answers[i].text…`: the i-th question) and listed at the top.
 */
export function questionnairePage(context: PageContext, csrf: string, shown: ShownAssignment, form: AnswerForm = {}): string {
  const texts = questionnaireTexts(context.language);
  const { assignment, questionnaire, questions, title, conference } = shown;
  const editable = assignment.status === AssignmentStatus.DRAFT || assignment.status === AssignmentStatus.RETURNED;
  const fallback = questionnaire.locales[0];
  const heading = localiseFor(title, { ...context.wishes, fallback });
  const lead = localiseFor(questionnaire.lead, { ...context.wishes, fallback });
  const leadHtml = inFormat(lead.text, TextFormat.HTML);
  const problems = form.problems ?? [];
  const problemsOf = (index: number) => problems.filter((p) => p.field.startsWith(`answers[${index}]`));
  const action = context.addresses.page(`/me/questionnaires/${assignment.id}`);
  return renderPortalPage(
    { context, csrf, current: 'questionnaires' },
    heading.text ?? texts.title,
    <section class="portal-questionnaire">
      <p>
        <a href={context.addresses.page('/me/questionnaires')}>{texts.back}</a>
      </p>
      <h1 lang={heading.locale ?? undefined}>{heading.text}</h1>
      <p>
        {conference.name} · {texts.state}: <strong data-status={assignment.status}>{texts.status[assignment.status]}</strong> · {texts.due}:{' '}
        <DueDate context={context} dueAt={questionnaire.dueAt} zone={conference.timeZone} />
      </p>
      {form.done && <p role="status">{form.done === 'saved' ? texts.saved : texts.submitted}</p>}
      {(problems.length > 0 || form.message) && (
        <div role="alert" class="form-errors">
          <p>{form.message ?? texts.failed}</p>
          {problems.length > 0 && (
            <ul>
              {problems.map((problem) => (
                <li data-field={problem.field}>{problem.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {assignment.status === AssignmentStatus.RETURNED && assignment.note && (
        <aside class="portal-note" aria-labelledby="organisers-note">
          <h2 id="organisers-note">{texts.note}</h2>
          <p style="white-space:pre-line">{assignment.note}</p>
        </aside>
      )}
      {leadHtml && <div class="rich-text" lang={lead.locale ?? undefined} dangerouslySetInnerHTML={{ __html: leadHtml }} />}
      {!editable && <p>{texts.readOnly}</p>}
      {editable ? (
        <form method="post" action={action}>
          <CsrfField token={csrf} />
          <p id="markdown-hint">{texts.markdown}</p>
          {questions.map((question, index) => {
            const own = problemsOf(index);
            const questionText = localiseFor(question.text, { ...context.wishes, fallback }).text ?? question.key;
            return (
              <fieldset class="portal-question" aria-describedby={own.length ? `question-${index}-errors` : undefined}>
                <legend>
                  <Text context={context} text={question.text} fallback={fallback} />
                </legend>
                {own.length > 0 && (
                  <ul id={`question-${index}-errors`} class="field-errors">
                    {own.map((problem) => (
                      <li data-field={problem.field}>{problem.message}</li>
                    ))}
                  </ul>
                )}
                {questionnaire.locales.map((locale) => {
                  const name = answerField(index, locale);
                  const id = `answer-${index}-${locale}`;
                  const value = form.values?.[name] ?? assignment.answers[question.key]?.[locale] ?? '';
                  return (
                    <p>
                      <label for={id}>{texts.answerIn(questionText, languageName(locale, context.language))}</label>
                      <textarea
                        id={id}
                        name={name}
                        lang={locale}
                        rows={6}
                        aria-invalid={own.length > 0 ? 'true' : undefined}
                        aria-describedby={own.length ? `question-${index}-errors markdown-hint` : 'markdown-hint'}
                      >
                        {value}
                      </textarea>
                    </p>
                  );
                })}
              </fieldset>
            );
          })}
          <p class="portal-actions">
            <button type="submit" name="action" value="save">
              {texts.save}
            </button>{' '}
            <button type="submit" name="action" value="submit">
              {texts.submit}
            </button>
          </p>
        </form>
      ) : (
        questions.map((question) => (
          <article class="portal-question">
            <h2>
              <Text context={context} text={question.text} fallback={fallback} />
            </h2>
            {questionnaire.locales.map((locale) => {
              const html = inFormat(assignment.answers[question.key]?.[locale] ?? null, TextFormat.HTML);
              return html ? (
                <div class="rich-text" lang={locale}>
                  <h3>{languageName(locale, context.language)}</h3>
                  <div dangerouslySetInnerHTML={{ __html: html }} />
                </div>
              ) : null;
            })}
          </article>
        ))
      )}
    </section>,
  );
}
