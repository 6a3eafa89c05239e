import { useMutation, useQuery } from '@urql/preact';
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { useTexts } from '../i18n';
import type { OrganiserRole } from '../schema.generated';
import { ProblemList, SelectField, Status, TextField, problemFor } from '../ui/controls';
import { Dialog } from '../ui/dialog';
import { problemsOf } from '../ui/errors';
import { Page } from '../ui/page';
import { CreateOrganiserDocument, OrganiserInListFragment, OrganiserListDocument, UpdateOrganiserDocument } from './operations.generated';
import { isRefusal, texts } from './organiser-texts';

/** The address of one organiser's screen: their id as the API gives it. */
export const organiserPath = (id: string) => `/console/organisers/${encodeURIComponent(id)}`;

/** Every organiser with their e-mail, role and conferences (admins only), and a way to add one. */
export default function OrganiserList() {
  const t = useTexts(texts);
  const { route } = useLocation();
  const [{ data, fetching, error }] = useQuery({ query: OrganiserListDocument });
  const [adding, setAdding] = useState(false);
  if (fetching && !data && !error) return <p>{t('loading')}</p>;
  if (!data) return <Refusal error={error} />;
  return (
    <Page
      title={t('title')}
      actions={
        <button type="button" onClick={() => setAdding(true)}>
          {t('add')}
        </button>
      }
    >
      <p>{t('intro')}</p>
      <table class="list organisers-list">
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('email')}</th>
            <th scope="col">{t('role')}</th>
            <th scope="col">{t('conferences')}</th>
          </tr>
        </thead>
        <tbody>
          {data.organisers.map((organiser) => (
            <tr key={organiser.id}>
              <td>
                <a href={organiserPath(organiser.id)}>{organiser.name}</a>
              </td>
              <td class="organisers-email">{organiser.email ?? <span class="hint">{t('noEmail')}</span>}</td>
              <td>{organiser.role === 'ADMIN' ? t('admin') : t('organiser')}</td>
              <td>
                {organiser.role === 'ADMIN'
                  ? t('allConferences')
                  : organiser.conferences.length === 0
                    ? t('noConferences')
                    : organiser.conferences.map((conference) => conference.name).join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Dialog title={t('add')} open={adding} onClose={() => setAdding(false)}>
        <OrganiserForm
          organiser={null}
          onSaved={(saved) => {
            setAdding(false);
            route(organiserPath(saved.id));
          }}
          onCancel={() => setAdding(false)}
        />
      </Dialog>
    </Page>
  );
}

/**
 * Why the screen shows nothing: plainly that only admins may (when the server refused, or the
 * reader is no admin), or that there is no such organiser; with the server's own words, if any.
 */
export function Refusal({ error, why }: { error?: Parameters<typeof problemsOf>[0]; why?: 'refused' | 'notFound' }) {
  const t = useTexts(texts);
  const problems = problemsOf(error);
  const reason = why ?? (isRefusal(error) ? 'refused' : undefined);
  return (
    <Page title={t('title')}>
      <div class="problems" role="alert">
        {reason && <p>{t(reason)}</p>}
        {problems.length > 0 && <p>{t('refusedDetail', { message: problems.map((problem) => problem.message).join(' ') })}</p>}
      </div>
    </Page>
  );
}

/** An organiser's name, e-mail and role: a new one, or one to change. */
export function OrganiserForm({
  organiser,
  onSaved,
  onCancel,
}: {
  organiser: OrganiserInListFragment | null;
  onSaved: (organiser: OrganiserInListFragment) => void;
  onCancel?: () => void;
}) {
  const t = useTexts(texts);
  const [name, setName] = useState(organiser?.name ?? '');
  const [email, setEmail] = useState(organiser?.email ?? '');
  const [role, setRole] = useState<OrganiserRole>(organiser?.role ?? 'ORGANISER');
  const [created, create] = useMutation(CreateOrganiserDocument);
  const [updated, update] = useMutation(UpdateOrganiserDocument);
  const [saved, setSaved] = useState(false);
  const problems = problemsOf(created.error ?? updated.error);
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    const fields = { name: name.trim(), email: email.trim() === '' ? null : email.trim(), role };
    if (organiser) {
      const answer = await update({ input: { id: organiser.id, ...fields } });
      if (answer.data) {
        setSaved(true);
        onSaved(answer.data.updateOrganiser);
      }
    } else {
      const answer = await create({ input: fields });
      if (answer.data) onSaved(answer.data.createOrganiser);
    }
  };
  return (
    <form class="form-grid" onSubmit={submit} noValidate>
      <TextField label={t('name')} value={name} onValue={setName} problem={problemFor(problems, 'name')} required autoComplete="off" />
      <TextField
        label={t('email')}
        hint={t('emailHint')}
        value={email}
        onValue={setEmail}
        problem={problemFor(problems, 'email')}
        type="email"
        autoComplete="off"
      />
      <SelectField
        label={t('role')}
        hint={t('roleHint')}
        value={role}
        onValue={(value) => setRole(value as OrganiserRole)}
        problem={problemFor(problems, 'role')}
        options={[
          { value: 'ORGANISER', label: t('organiser') },
          { value: 'ADMIN', label: t('admin') },
        ]}
      />
      <div class="wide">
        <ProblemList problems={problems} shownFields={['name', 'email', 'role']} />
        <button type="submit" disabled={created.fetching || updated.fetching}>
          {t('save')}
        </button>
        {onCancel && (
          <>
            {' '}
            <button type="button" class="secondary" onClick={onCancel}>
              {t('cancel')}
            </button>
          </>
        )}
        <Status>{saved ? t('saved') : null}</Status>
      </div>
    </form>
  );
}
