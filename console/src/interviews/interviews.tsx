import { useQuery } from '@urql/preact';
import { useRoute } from 'preact-iso';
import { useTexts } from '../i18n';
import { Page } from '../ui/page';
import { InterviewsOfConferenceDocument, QuestionnairesOfConferenceDocument } from './operations.generated';
import { interviewsPath, texts } from './interview-texts';

/** `{name}` of a title pattern filled with the names of the speakers asked, as the published title will be. */
export function titleOf(pattern: string, names: string[]): string {
  return names.length ? pattern.split('{name}').join(names.join(', ')) : pattern;
}

/**
 * A conference's interviews: the questionnaires still being answered (with who has answered and
 * who has not) and the interviews, published or not.
 */
export default function Interviews() {
  const t = useTexts(texts);
  const slug = useRoute().params.slug as string;
  const [{ data, fetching }] = useQuery({ query: InterviewsOfConferenceDocument, variables: { slug }, requestPolicy: 'network-only' });
  const conferenceId = data?.conference?.id;
  const [questionnaires] = useQuery({
    query: QuestionnairesOfConferenceDocument,
    variables: { conferenceId: conferenceId ?? '' },
    pause: !conferenceId,
    requestPolicy: 'network-only',
  });
  if (fetching && !data) return <p>{t('loading')}</p>;
  if (!data?.conference) return <p role="alert">{t('notFound')}</p>;
  const open = (questionnaires.data?.questionnaires.edges ?? []).map((edge) => edge.node).filter((node) => node.status === 'OPEN');
  const interviews = data.interviews.edges.map((edge) => edge.node);
  const names = (list: { speaker: { name: string } | null }[]) => list.flatMap((each) => (each.speaker ? [each.speaker.name] : []));

  return (
    <Page
      title={t('title')}
      actions={
        <>
          <a class="button" href={interviewsPath(slug, '/questionnaires/new')}>
            {t('newQuestionnaire')}
          </a>
          <a class="button secondary" href={interviewsPath(slug, '/new')}>
            {t('newInterview')}
          </a>
        </>
      }
    >
      <p class="interviews-intro">{t('intro')}</p>
      {open.length === 0 && interviews.length === 0 ? (
        <p>{t('noInterviews')}</p>
      ) : (
        <table class="list interviews-list">
          <thead>
            <tr>
              <th scope="col">{t('interviewTitle')}</th>
              <th scope="col">{t('speakers')}</th>
              <th scope="col">{t('state')}</th>
              <th scope="col">{t('answered')}</th>
              <th scope="col">{t('notAnswered')}</th>
            </tr>
          </thead>
          <tbody>
            {open.map((questionnaire) => {
              const answered = questionnaire.assignments.filter((each) => each.status === 'SUBMITTED' || each.status === 'APPROVED');
              const waiting = questionnaire.assignments.filter((each) => each.status === 'DRAFT' || each.status === 'RETURNED');
              return (
                <tr key={questionnaire.id}>
                  <td>
                    <a href={interviewsPath(slug, `/questionnaires/${encodeURIComponent(questionnaire.id)}`)}>
                      {titleOf(questionnaire.titlePattern, names(questionnaire.assignments))}
                    </a>
                  </td>
                  <td>{names(questionnaire.assignments).join(', ') || t('nobody')}</td>
                  <td>
                    <span class="badge">{t('stateOpen')}</span>
                  </td>
                  <td>
                    {answered.length === 0
                      ? t('nobody')
                      : answered.map((each) => (
                          <div key={each.id}>
                            {each.speaker?.name} ({t(`assignment${each.status}` as const)})
                          </div>
                        ))}
                  </td>
                  <td>
                    {waiting.length === 0
                      ? t('nobody')
                      : waiting.map((each) => (
                          <div key={each.id}>
                            {each.speaker?.name}
                            {each.status === 'RETURNED' ? ` (${t('assignmentRETURNED')})` : ''}
                          </div>
                        ))}
                  </td>
                </tr>
              );
            })}
            {interviews.map((interview) => (
              <tr key={interview.id}>
                <td>
                  <a href={interviewsPath(slug, `/${interview.slug}`)}>{interview.title}</a>
                </td>
                <td>{interview.speakers.map((speaker) => speaker.name).join(', ')}</td>
                <td>
                  <span class={interview.published ? 'badge badge-published' : 'badge'}>
                    {interview.published ? t('statePublished') : t('stateDraft')}
                  </span>
                </td>
                <td>{interview.speakers.map((speaker) => speaker.name).join(', ')}</td>
                <td>{t('nobody')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
