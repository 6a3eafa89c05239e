import { useMutation, useQuery } from '@urql/preact';
import { useLocation, useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { useLocale, useTexts } from '../i18n';
import { ProblemList, SelectField, Status, TextField, problemFor } from '../ui/controls';
import { Dialog } from '../ui/dialog';
import { SecretOnce } from '../ui/secret-once';
import { problemsOf } from '../ui/errors';
import { Page } from '../ui/page';
import {
  AccessTokenFieldsFragment,
  DeleteOrganiserDocument,
  IssueOrganiserTokenDocument,
  OrganiserDetailDocument,
  OrganiserDetailQuery,
  RevokeOrganiserTokenDocument,
  UpdateOrganiserDocument,
} from './operations.generated';
import { OrganiserForm, Refusal } from './organiser-list';
import { texts } from './organiser-texts';

type Detail = Extract<NonNullable<OrganiserDetailQuery['node']>, { __typename?: 'Organiser'; accessTokens: unknown }>;
type Conferences = { id: string; slug: string; name: string }[];

/** One organiser (admins only): their details, the conferences they may change, and their access tokens. */
export default function OrganiserScreen() {
  const t = useTexts(texts);
  const id = decodeURIComponent(useRoute().params.id as string);
  const { route } = useLocation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: OrganiserDetailDocument, variables: { id } });
  const [removed, remove] = useMutation(DeleteOrganiserDocument);
  if (fetching && !data && !error) return <p>{t('loading')}</p>;
  const me = data?.me;
  if (!data) return <Refusal error={error} />;
  if (me?.role !== 'ADMIN') return <Refusal why="refused" />;
  const organiser = data.node && 'accessTokens' in data.node ? (data.node as Detail) : null;
  if (!organiser) return <Refusal error={error} why="notFound" />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Page
      title={organiser.name}
      actions={
        <>
          <a class="button secondary" href="/console/organisers">
            {t('all')}
          </a>
          <button
            type="button"
            class="secondary"
            onClick={async () => {
              if (!confirm(t('confirmRemove', { name: organiser.name }))) return;
              const answer = await remove({ input: { id: organiser.id } });
              if (answer.data) route('/console/organisers');
            }}
          >
            {t('remove', { name: organiser.name })}
          </button>
        </>
      }
    >
      <ProblemList problems={problemsOf(removed.error)} />
      <section aria-labelledby="organiser-details">
        <h2 id="organiser-details">{t('details')}</h2>
        <OrganiserForm key={organiser.id} organiser={organiser} onSaved={reload} />
      </section>
      <AssignedConferences organiser={organiser} conferences={data.conferences.edges.map((edge) => edge.node)} onChanged={reload} />
      <Tokens organiser={organiser} onChanged={reload} />
    </Page>
  );
}

/** The conferences the organiser may change: each can be taken away, and one more given. */
function AssignedConferences({
  organiser,
  conferences,
  onChanged,
}: {
  organiser: Detail;
  conferences: Conferences;
  onChanged: () => void;
}) {
  const t = useTexts(texts);
  const [updated, update] = useMutation(UpdateOrganiserDocument);
  const [status, setStatus] = useState<string | null>(null);
  const assignedIds = organiser.conferences.map((conference) => conference.id);
  const left = conferences.filter((conference) => !assignedIds.includes(conference.id));
  const [chosen, setChosen] = useState('');
  const choice = left.find((conference) => conference.id === chosen) ?? left[0];
  const problems = problemsOf(updated.error);
  const change = async (conferenceIds: string[], done: string) => {
    setStatus(null);
    const answer = await update({ input: { id: organiser.id, conferenceIds } });
    if (answer.data) {
      setStatus(done);
      onChanged();
    }
  };
  return (
    <section aria-labelledby="organiser-conferences">
      <h2 id="organiser-conferences">{t('conferences')}</h2>
      {organiser.role === 'ADMIN' ? (
        <p>{t('adminConferences')}</p>
      ) : (
        <>
          <p>{t('conferencesIntro', { name: organiser.name })}</p>
          {organiser.conferences.length === 0 ? (
            <p>{t('noConferences')}</p>
          ) : (
            <ul class="organisers-conferences">
              {organiser.conferences.map((conference) => (
                <li key={conference.id}>
                  <a href={`/console/conferences/${conference.slug}`}>{conference.name}</a>{' '}
                  <button
                    type="button"
                    class="secondary"
                    disabled={updated.fetching}
                    onClick={() =>
                      change(
                        assignedIds.filter((each) => each !== conference.id),
                        t('unassigned', { conference: conference.name }),
                      )
                    }
                  >
                    {t('unassign', { conference: conference.name })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {left.length === 0 ? (
            <p>{t('noneLeft')}</p>
          ) : (
            <form
              class="organisers-assign"
              onSubmit={(event) => {
                event.preventDefault();
                if (choice) void change([...assignedIds, choice.id], t('assigned', { conference: choice.name }));
              }}
            >
              <SelectField
                label={t('assign')}
                value={choice?.id ?? ''}
                onValue={setChosen}
                options={left.map((conference) => ({ value: conference.id, label: conference.name }))}
              />
              <button type="submit" disabled={updated.fetching}>
                {t('assignButton')}
              </button>
            </form>
          )}
          <ProblemList problems={problems} />
          <Status>{status}</Status>
        </>
      )}
    </section>
  );
}

/** The organiser's tokens: issue one (its secret shown this once), see when each was last used, revoke. */
function Tokens({ organiser, onChanged }: { organiser: Detail; onChanged: () => void }) {
  const t = useTexts(texts);
  const locale = useLocale();
  const [name, setName] = useState('');
  const [expires, setExpires] = useState('');
  const [issued, issue] = useMutation(IssueOrganiserTokenDocument);
  const [revoked, revoke] = useMutation(RevokeOrganiserTokenDocument);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const problems = problemsOf(issued.error);
  const when = (instant: string | null) =>
    instant ? new Date(instant).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : '';
  const stateOf = (token: AccessTokenFieldsFragment) =>
    token.revokedAt
      ? t('revokedOn', { when: when(token.revokedAt) })
      : token.expiresAt && new Date(token.expiresAt) <= new Date()
        ? t('expired')
        : t('active');
  const submit = async (event: Event) => {
    event.preventDefault();
    setStatus(null);
    const answer = await issue({
      input: {
        organiserId: organiser.id,
        name: name.trim(),
        expiresAt: expires ? new Date(`${expires}T23:59:59`).toISOString() : null,
      },
    });
    if (answer.data) {
      setSecret({ name: answer.data.createAccessToken.accessToken.name, secret: answer.data.createAccessToken.secret });
      setName('');
      setExpires('');
      onChanged();
    }
  };
  return (
    <section aria-labelledby="organiser-tokens">
      <h2 id="organiser-tokens">{t('tokens')}</h2>
      <p>{t('tokensIntro', { name: organiser.name })}</p>
      {organiser.accessTokens.length === 0 ? (
        <p>{t('noTokens')}</p>
      ) : (
        <table class="list organisers-tokens">
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('prefix')}</th>
              <th scope="col">{t('created')}</th>
              <th scope="col">{t('lastUsed')}</th>
              <th scope="col">{t('expiry')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {organiser.accessTokens.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{when(token.createdAt)}</td>
                <td>{token.lastUsedAt ? when(token.lastUsedAt) : t('notUsed')}</td>
                <td>{token.expiresAt ? when(token.expiresAt) : t('never')}</td>
                <td>{stateOf(token)}</td>
                <td class="row-actions">
                  {!token.revokedAt && (
                    <button
                      type="button"
                      class="secondary"
                      disabled={revoked.fetching}
                      onClick={async () => {
                        if (!confirm(t('confirmRevoke', { name: token.name }))) return;
                        setStatus(null);
                        const answer = await revoke({ input: { id: token.id } });
                        if (answer.data) {
                          setStatus(t('revoked', { name: token.name }));
                          onChanged();
                        }
                      }}
                    >
                      {t('revoke', { name: token.name })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ProblemList problems={problemsOf(revoked.error)} />
      <Status>{status}</Status>
      <h3>{t('issue')}</h3>
      <form class="form-grid" onSubmit={submit} noValidate>
        <TextField
          label={t('tokenName')}
          hint={t('tokenNameHint')}
          value={name}
          onValue={setName}
          problem={problemFor(problems, 'name')}
          required
          autoComplete="off"
        />
        <TextField label={t('expires')} value={expires} onValue={setExpires} problem={problemFor(problems, 'expiresAt')} type="date" />
        <div class="wide">
          <ProblemList problems={problems} shownFields={['name', 'expiresAt']} />
          <button type="submit" disabled={issued.fetching}>
            {t('issue')}
          </button>
        </div>
      </form>
      <Dialog title={secret ? t('secretTitle', { name: secret.name }) : t('tokens')} open={secret !== null} onClose={() => setSecret(null)}>
        {secret && (
          <SecretOnce
            secret={secret.secret}
            texts={{ intro: t('secretOnce'), label: t('secretLabel'), copy: t('copy'), copied: t('copied'), done: t('done') }}
            onDone={() => setSecret(null)}
          />
        )}
      </Dialog>
    </section>
  );
}
