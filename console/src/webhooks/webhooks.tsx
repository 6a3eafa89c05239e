import { useMutation, useQuery } from '@urql/preact';
import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { catalogue, useLocale, useTexts } from '../i18n';
import type { WebhookEvent } from '../schema.generated';
import { CheckboxField, ProblemList, TextField, problemFor } from '../ui/controls';
import { Dialog } from '../ui/dialog';
import { SecretOnce } from '../ui/secret-once';
import { problemsOf } from '../ui/errors';
import { Page } from '../ui/page';
import {
  ConferenceWebhooksDocument,
  CreateWebhookDocument,
  DeleteWebhookDocument,
  DeliveryFieldsFragment,
  RetryWebhookDeliveryDocument,
  RotateWebhookSecretDocument,
  UpdateWebhookDocument,
  WebhookDeliveriesDocument,
  WebhookFieldsFragment,
} from './operations.generated';

const texts = catalogue({
  en: {
    deliveriesShort: 'Deliveries to',
    editShort: 'Edit',
    rotateShort: 'New secret for',
    removeShort: 'Delete',
    title: 'Webhooks',
    intro: 'Lectern sends each change you choose to these addresses, signed with the webhook’s secret.',
    url: 'Address',
    events: 'Changes to send',
    description: 'What it is for',
    actions: 'Actions',
    none: 'No webhooks yet.',
    newWebhook: 'New webhook',
    edit: 'Edit {{url}}',
    rotate: 'New secret for {{url}}',
    confirmRemove: 'Delete the webhook to {{url}}? Its delivery log goes with it, and nothing waiting is sent.',
    save: 'Save',
    cancel: 'Cancel',
    secretTitle: 'Signing secret',
    secretOnce: 'Shown this once: copy it into the receiver now. Lectern keeps it only to sign deliveries.',
    copy: 'Copy the secret',
    copied: 'Copied.',
    done: 'Done',
    revokePrevious: 'Stop signing with the old secret at once (it leaked); otherwise it signs beside the new one for 24 hours',
    makeSecret: 'Make a new secret',
    previousUntil: 'The old secret also signs until {{until}}.',
    deliveries: 'Deliveries to {{url}} ({{count}})',
    noDeliveries: 'Nothing sent yet.',
    event: 'Change',
    status: 'Status',
    attempts: 'Attempts',
    answer: 'Answer',
    queued: 'Queued',
    retry: 'Send again',
    more: 'Older deliveries',
    close: 'Close',
    refresh: 'Refresh',
    loading: 'Loading…',
    notFound: 'No conference of yours has this address.',
    PENDING: 'Waiting',
    DELIVERED: 'Delivered',
    FAILED: 'Failed',
    RELEASE_PUBLISHED: 'A release is published',
    SESSION_CANCELLED: 'A session is cancelled',
    SESSION_MOVED: 'A session moves',
    SESSION_RETITLED: 'A session is retitled',
    SPEAKER_CHANGED: 'A speaker changes',
  },
  sv: {
    deliveriesShort: 'Leveranser till',
    editShort: 'Redigera',
    rotateShort: 'Ny hemlighet för',
    removeShort: 'Ta bort',
    title: 'Webhooks',
    intro: 'Lectern skickar varje ändring du väljer till de här adresserna, signerad med webhookens hemlighet.',
    url: 'Adress',
    events: 'Ändringar att skicka',
    description: 'Vad den används till',
    actions: 'Åtgärder',
    none: 'Inga webhooks än.',
    newWebhook: 'Ny webhook',
    edit: 'Redigera {{url}}',
    rotate: 'Ny hemlighet för {{url}}',
    confirmRemove: 'Ta bort webhooken till {{url}}? Dess leveranslogg försvinner, och inget som väntar skickas.',
    save: 'Spara',
    cancel: 'Avbryt',
    secretTitle: 'Signeringshemlighet',
    secretOnce: 'Visas bara nu: kopiera den till mottagaren direkt. Lectern behåller den bara för att signera leveranser.',
    copy: 'Kopiera hemligheten',
    copied: 'Kopierad.',
    done: 'Klar',
    revokePrevious: 'Sluta signera med den gamla hemligheten direkt (den har läckt); annars signerar den bredvid den nya i 24 timmar',
    makeSecret: 'Skapa en ny hemlighet',
    previousUntil: 'Den gamla hemligheten signerar också till {{until}}.',
    deliveries: 'Leveranser till {{url}} ({{count}})',
    noDeliveries: 'Inget skickat än.',
    event: 'Ändring',
    status: 'Status',
    attempts: 'Försök',
    answer: 'Svar',
    queued: 'Köad',
    retry: 'Skicka igen',
    more: 'Äldre leveranser',
    close: 'Stäng',
    refresh: 'Uppdatera',
    loading: 'Laddar …',
    notFound: 'Ingen av dina konferenser har den här adressen.',
    PENDING: 'Väntar',
    DELIVERED: 'Levererad',
    FAILED: 'Misslyckad',
    RELEASE_PUBLISHED: 'En version publiceras',
    SESSION_CANCELLED: 'Ett pass ställs in',
    SESSION_MOVED: 'Ett pass flyttas',
    SESSION_RETITLED: 'Ett pass byter titel',
    SPEAKER_CHANGED: 'En talare ändras',
  },
  nb: {
    deliveriesShort: 'Leveranser til',
    editShort: 'Rediger',
    rotateShort: 'Ny hemmelighet for',
    removeShort: 'Slett',
    title: 'Webhooks',
    intro: 'Lectern sender hver endring du velger til disse adressene, signert med webhookens hemmelighet.',
    url: 'Adresse',
    events: 'Endringer som sendes',
    description: 'Hva den brukes til',
    actions: 'Handlinger',
    none: 'Ingen webhooks ennå.',
    newWebhook: 'Ny webhook',
    edit: 'Rediger {{url}}',
    rotate: 'Ny hemmelighet for {{url}}',
    confirmRemove: 'Slette webhooken til {{url}}? Leveranseloggen forsvinner, og ingenting som venter blir sendt.',
    save: 'Lagre',
    cancel: 'Avbryt',
    secretTitle: 'Signeringshemmelighet',
    secretOnce: 'Vises bare nå: kopier den til mottakeren med en gang. Lectern beholder den bare for å signere leveranser.',
    copy: 'Kopier hemmeligheten',
    copied: 'Kopiert.',
    done: 'Ferdig',
    revokePrevious:
      'Slutt å signere med den gamle hemmeligheten med en gang (den har lekket); ellers signerer den ved siden av den nye i 24 timer',
    makeSecret: 'Lag en ny hemmelighet',
    previousUntil: 'Den gamle hemmeligheten signerer også til {{until}}.',
    deliveries: 'Leveranser til {{url}} ({{count}})',
    noDeliveries: 'Ingenting sendt ennå.',
    event: 'Endring',
    status: 'Status',
    attempts: 'Forsøk',
    answer: 'Svar',
    queued: 'Lagt i kø',
    retry: 'Send på nytt',
    more: 'Eldre leveranser',
    close: 'Lukk',
    refresh: 'Oppdater',
    loading: 'Laster …',
    notFound: 'Ingen av konferansene dine har denne adressen.',
    PENDING: 'Venter',
    DELIVERED: 'Levert',
    FAILED: 'Mislyktes',
    RELEASE_PUBLISHED: 'En versjon publiseres',
    SESSION_CANCELLED: 'En økt avlyses',
    SESSION_MOVED: 'En økt flyttes',
    SESSION_RETITLED: 'En økt får ny tittel',
    SPEAKER_CHANGED: 'En foredragsholder endres',
  },
});

const EVENTS: WebhookEvent[] = ['SESSION_MOVED', 'SESSION_CANCELLED', 'SESSION_RETITLED', 'SPEAKER_CHANGED', 'RELEASE_PUBLISHED'];

type Editing =
  | { kind: 'form'; webhook: WebhookFieldsFragment | null }
  | { kind: 'rotate'; webhook: WebhookFieldsFragment }
  | { kind: 'secret'; secret: string }
  | null;

export default function Webhooks() {
  const t = useTexts(texts);
  const slug = useRoute().params.slug as string;
  const [{ data, fetching, error }, refetch] = useQuery({ query: ConferenceWebhooksDocument, variables: { slug } });
  const [editing, setEditing] = useState<Editing>(null);
  const [watched, setWatched] = useState<WebhookFieldsFragment | null>(null);
  const [removed, remove] = useMutation(DeleteWebhookDocument);
  if (fetching && !data) return <p>{t('loading')}</p>;
  if (!data?.conference) return <p role="alert">{problemsOf(error)[0]?.message ?? t('notFound')}</p>;
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const showSecret = (secret: string) => {
    setEditing({ kind: 'secret', secret });
    refresh();
  };
  const dialogTitle =
    editing?.kind === 'form'
      ? editing.webhook
        ? t('edit', { url: editing.webhook.url })
        : t('newWebhook')
      : editing?.kind === 'rotate'
        ? t('rotate', { url: editing.webhook.url })
        : t('secretTitle');

  return (
    <Page title={t('title')}>
      <p>{t('intro')}</p>
      {data.webhooks.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">{t('url')}</th>
              <th scope="col">{t('events')}</th>
              <th scope="col">{t('description')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.webhooks.map((webhook) => (
              <tr key={webhook.id}>
                <td class="wrap-anywhere">{webhook.url}</td>
                <td>{webhook.events.map((event) => t(event)).join(', ')}</td>
                <td>{webhook.description ?? ''}</td>
                <td class="row-actions">
                  <button type="button" class="secondary" onClick={() => setWatched(webhook)}>
                    {t('deliveriesShort')}
                    <span class="visually-hidden"> {webhook.url}</span>
                  </button>
                  <button type="button" class="secondary" onClick={() => setEditing({ kind: 'form', webhook })}>
                    {t('editShort')}
                    <span class="visually-hidden"> {webhook.url}</span>
                  </button>
                  <button type="button" class="secondary" onClick={() => setEditing({ kind: 'rotate', webhook })}>
                    {t('rotateShort')}
                    <span class="visually-hidden"> {webhook.url}</span>
                  </button>
                  <button
                    type="button"
                    class="secondary"
                    onClick={async () => {
                      if (!confirm(t('confirmRemove', { url: webhook.url }))) return;
                      await remove({ input: { id: webhook.id } });
                      if (watched?.id === webhook.id) setWatched(null);
                      refresh();
                    }}
                  >
                    {t('removeShort')}
                    <span class="visually-hidden"> {webhook.url}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ProblemList problems={problemsOf(removed.error)} />
      <p>
        <button type="button" onClick={() => setEditing({ kind: 'form', webhook: null })}>
          {t('newWebhook')}
        </button>
      </p>
      {watched && <Deliveries key={watched.id} webhook={watched} onClose={() => setWatched(null)} />}

      <Dialog title={dialogTitle} open={editing !== null} onClose={() => setEditing(null)}>
        {editing?.kind === 'form' && (
          <WebhookForm
            conferenceId={data.conference.id}
            webhook={editing.webhook}
            onCreated={showSecret}
            onSaved={() => {
              setEditing(null);
              refresh();
            }}
            onCancel={() => setEditing(null)}
          />
        )}
        {editing?.kind === 'rotate' && <RotateForm webhook={editing.webhook} onRotated={showSecret} onCancel={() => setEditing(null)} />}
        {editing?.kind === 'secret' && (
          <SecretOnce
            secret={editing.secret}
            texts={{ intro: t('secretOnce'), copy: t('copy'), copied: t('copied'), done: t('done') }}
            onDone={() => setEditing(null)}
          />
        )}
      </Dialog>
    </Page>
  );
}

function WebhookForm({
  conferenceId,
  webhook,
  onCreated,
  onSaved,
  onCancel,
}: {
  conferenceId: string;
  webhook: WebhookFieldsFragment | null;
  onCreated: (secret: string) => void;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const t = useTexts(texts);
  const [url, setUrl] = useState(webhook?.url ?? 'https://');
  const [events, setEvents] = useState<WebhookEvent[]>(webhook?.events ?? ['SESSION_MOVED', 'SESSION_CANCELLED']);
  const [description, setDescription] = useState(webhook?.description ?? '');
  const [created, create] = useMutation(CreateWebhookDocument);
  const [updated, update] = useMutation(UpdateWebhookDocument);
  const problems = problemsOf(created.error ?? updated.error);
  const submit = async (event: Event) => {
    event.preventDefault();
    const fields = { url: url.trim(), events, description: description.trim() || null };
    if (webhook) {
      const answer = await update({ input: { id: webhook.id, ...fields } });
      if (!answer.error) onSaved();
    } else {
      const answer = await create({ input: { conferenceId, ...fields } });
      if (answer.data) onCreated(answer.data.createWebhook.secret);
    }
  };
  const eventsProblem = problemFor(problems, 'events');
  return (
    <form class="form-grid" onSubmit={submit} noValidate>
      <TextField label={t('url')} type="url" value={url} onValue={setUrl} problem={problemFor(problems, 'url')} required />
      <TextField label={t('description')} value={description} onValue={setDescription} problem={problemFor(problems, 'description')} />
      <fieldset class="wide" aria-describedby={eventsProblem ? 'webhook-events-problem' : undefined}>
        <legend>{t('events')}</legend>
        {EVENTS.map((each) => (
          <CheckboxField
            key={each}
            label={t(each)}
            checked={events.includes(each)}
            onChecked={(checked) => setEvents((previous) => (checked ? [...previous, each] : previous.filter((other) => other !== each)))}
          />
        ))}
        {eventsProblem && (
          <p class="problem" id="webhook-events-problem">
            {eventsProblem.message}
          </p>
        )}
      </fieldset>
      <div class="wide">
        <ProblemList problems={problems} shownFields={['url', 'description', 'events']} />
        <button type="submit" disabled={created.fetching || updated.fetching}>
          {t('save')}
        </button>{' '}
        <button type="button" class="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function RotateForm({
  webhook,
  onRotated,
  onCancel,
}: {
  webhook: WebhookFieldsFragment;
  onRotated: (secret: string) => void;
  onCancel: () => void;
}) {
  const t = useTexts(texts);
  const [revokePrevious, setRevokePrevious] = useState(false);
  const [rotated, rotate] = useMutation(RotateWebhookSecretDocument);
  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        const answer = await rotate({ input: { id: webhook.id, revokePrevious } });
        if (answer.data) onRotated(answer.data.rotateWebhookSecret.secret);
      }}
    >
      <CheckboxField label={t('revokePrevious')} checked={revokePrevious} onChecked={setRevokePrevious} />
      <ProblemList problems={problemsOf(rotated.error)} />
      <button type="submit" disabled={rotated.fetching}>
        {t('makeSecret')}
      </button>{' '}
      <button type="button" class="secondary" onClick={onCancel}>
        {t('cancel')}
      </button>
    </form>
  );
}

/** The delivery log of one webhook, newest first, with a way to send a failed one again. */
function Deliveries({ webhook, onClose }: { webhook: WebhookFieldsFragment; onClose: () => void }) {
  const t = useTexts(texts);
  const locale = useLocale();
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, error }, refetch] = useQuery({ query: WebhookDeliveriesDocument, variables: { webhookId: webhook.id, after } });
  const [retried, retry] = useMutation(RetryWebhookDeliveryDocument);
  const when = (instant: string | null | undefined) =>
    instant ? new Date(instant).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'medium' }) : '';
  const page = data?.webhookDeliveries;
  const answerOf = (delivery: DeliveryFieldsFragment) =>
    [delivery.responseStatus ? String(delivery.responseStatus) : '', delivery.error ?? ''].filter(Boolean).join(' · ');
  return (
    <section class="deliveries" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">{t('deliveries', { url: webhook.url, count: page?.totalCount ?? 0 })}</h2>
      {webhook.previousSecretExpiresAt && <p>{t('previousUntil', { until: when(webhook.previousSecretExpiresAt) })}</p>}
      <ProblemList problems={problemsOf(error ?? retried.error)} />
      {page && page.edges.length === 0 && <p>{t('noDeliveries')}</p>}
      {page && page.edges.length > 0 && (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">{t('queued')}</th>
              <th scope="col">{t('event')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('attempts')}</th>
              <th scope="col">{t('answer')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {page.edges.map(({ node: delivery }) => (
              <tr key={delivery.id} data-delivery-id={delivery.id}>
                <td>{when(delivery.createdAt)}</td>
                <td>{t(delivery.event)}</td>
                <td class={`delivery-${delivery.status.toLowerCase()}`}>{t(delivery.status)}</td>
                <td>{delivery.attempts}</td>
                <td>{answerOf(delivery)}</td>
                <td>
                  {delivery.status === 'FAILED' && (
                    <button
                      type="button"
                      class="secondary"
                      disabled={retried.fetching}
                      onClick={async () => {
                        await retry({ input: { id: delivery.id } });
                        refetch({ requestPolicy: 'network-only' });
                      }}
                    >
                      {t('retry')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="row-actions">
        {page?.pageInfo.hasNextPage && (
          <button type="button" class="secondary" onClick={() => setAfter(page.pageInfo.endCursor ?? null)}>
            {t('more')}
          </button>
        )}
        <button type="button" class="secondary" onClick={() => refetch({ requestPolicy: 'network-only' })}>
          {t('refresh')}
        </button>
        <button type="button" class="secondary" onClick={onClose}>
          {t('close')}
        </button>
      </p>
    </section>
  );
}
