import { useMutation, useQuery } from '@urql/preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { catalogue, useLocale, useTexts } from '../i18n';
import { ProblemList, SelectField, Status, TextField } from '../ui/controls';
import { problemsOf } from '../ui/errors';
import {
  AddAppearanceDocument,
  AppearanceFieldsFragment,
  FindSpeakersDocument,
  MoveAppearanceDocument,
  RemoveAppearanceDocument,
  SessionFieldsFragment,
  UpdateAppearanceDocument,
} from './operations.generated';
import { ROLE_NAMES } from './session-texts';

const texts = catalogue({
  en: {
    title: 'Line-up',
    empty: 'Nobody is in the line-up yet.',
    place: 'Place',
    speaker: 'Speaker',
    role: 'Role',
    roleOf: 'Role of {{name}}',
    sessionTitle: 'Title at this session',
    titleOf: 'Title of {{name}} at this session',
    organisation: 'Organisation at this session',
    organisationOf: 'Organisation of {{name}} at this session',
    actions: 'Actions',
    save: 'Save {{name}}',
    up: 'Move {{name}} up',
    down: 'Move {{name}} down',
    remove: 'Remove {{name}}',
    saved: 'Saved.',
    moved: 'Moved.',
    removed: 'Removed.',
    added: 'Added.',
    addTitle: 'Add a speaker',
    find: 'Find a speaker by name',
    search: 'Search',
    newRole: 'Their role',
    newTitle: 'Title at this session (optional)',
    newOrganisation: 'Organisation at this session (optional)',
    results: 'Speakers found',
    add: 'Add {{name}}',
    inLineUp: '{{name}} (already in the line-up)',
    noResults: 'No speaker has this name.',
  },
  sv: {
    title: 'Medverkande',
    empty: 'Ingen medverkar än.',
    place: 'Plats',
    speaker: 'Talare',
    role: 'Roll',
    roleOf: 'Roll för {{name}}',
    sessionTitle: 'Titel vid passet',
    titleOf: 'Titel för {{name}} vid passet',
    organisation: 'Organisation vid passet',
    organisationOf: 'Organisation för {{name}} vid passet',
    actions: 'Åtgärder',
    save: 'Spara {{name}}',
    up: 'Flytta upp {{name}}',
    down: 'Flytta ned {{name}}',
    remove: 'Ta bort {{name}}',
    saved: 'Sparat.',
    moved: 'Flyttat.',
    removed: 'Borttaget.',
    added: 'Tillagt.',
    addTitle: 'Lägg till en talare',
    find: 'Sök en talare på namn',
    search: 'Sök',
    newRole: 'Roll',
    newTitle: 'Titel vid passet (frivilligt)',
    newOrganisation: 'Organisation vid passet (frivilligt)',
    results: 'Hittade talare',
    add: 'Lägg till {{name}}',
    inLineUp: '{{name}} (medverkar redan)',
    noResults: 'Ingen talare har det namnet.',
  },
  nb: {
    title: 'Medvirkende',
    empty: 'Ingen medvirker ennå.',
    place: 'Plass',
    speaker: 'Foredragsholder',
    role: 'Rolle',
    roleOf: 'Rollen til {{name}}',
    sessionTitle: 'Tittel ved økten',
    titleOf: 'Tittelen til {{name}} ved økten',
    organisation: 'Organisasjon ved økten',
    organisationOf: 'Organisasjonen til {{name}} ved økten',
    actions: 'Handlinger',
    save: 'Lagre {{name}}',
    up: 'Flytt {{name}} opp',
    down: 'Flytt {{name}} ned',
    remove: 'Fjern {{name}}',
    saved: 'Lagret.',
    moved: 'Flyttet.',
    removed: 'Fjernet.',
    added: 'Lagt til.',
    addTitle: 'Legg til en foredragsholder',
    find: 'Finn en foredragsholder etter navn',
    search: 'Søk',
    newRole: 'Rolle',
    newTitle: 'Tittel ved økten (valgfritt)',
    newOrganisation: 'Organisasjon ved økten (valgfritt)',
    results: 'Foredragsholdere funnet',
    add: 'Legg til {{name}}',
    inLineUp: '{{name}} (medvirker allerede)',
    noResults: 'Ingen foredragsholder har dette navnet.',
  },
});

type Role = AppearanceFieldsFragment['role'];

/** Who takes part in a session, in listing order: found by name, added with a role, moved, given the title of the time, removed. */
export function LineUp({ session }: { session: SessionFieldsFragment }) {
  const t = useTexts(texts);
  const [done, setDone] = useState('');
  const [moved, move] = useMutation(MoveAppearanceDocument);
  const [removed, remove] = useMutation(RemoveAppearanceDocument);
  const [updated, update] = useMutation(UpdateAppearanceDocument);
  const [added, add] = useMutation(AddAppearanceDocument);
  const problems = problemsOf(moved.error ?? removed.error ?? updated.error ?? added.error);
  const appearances = [...session.appearances].sort((a, b) => a.position - b.position);
  const after = (message: string) => (result: { error?: unknown }) => setDone(result.error ? '' : message);
  const heading = useRef<HTMLHeadingElement>(null);

  return (
    <section class="line-up" aria-labelledby="line-up-title">
      <h2 id="line-up-title" ref={heading} tabIndex={-1}>
        {t('title')}
      </h2>
      {appearances.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">{t('place')}</th>
              <th scope="col">{t('speaker')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('sessionTitle')}</th>
              <th scope="col">{t('organisation')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {appearances.map((appearance, index) => (
              <AppearanceRow
                key={`${appearance.id}:${appearance.role}:${appearance.title ?? ''}:${appearance.organisation ?? ''}`}
                appearance={appearance}
                place={index + 1}
                first={index === 0}
                last={index === appearances.length - 1}
                onSave={(changes) => update({ input: { id: appearance.id, ...changes } }).then(after(t('saved')))}
                onMove={(by) => move({ input: { id: appearance.id, position: index + by } }).then(after(t('moved')))}
                onRemove={() =>
                  remove({ input: { id: appearance.id } })
                    .then(after(t('removed')))
                    .then(() => heading.current?.focus())
                }
              />
            ))}
          </tbody>
        </table>
      )}
      <ProblemList problems={problems} />
      <Status>{done}</Status>
      <AddSpeaker session={session} onAdd={(input) => add({ input: { sessionId: session.id, ...input } }).then(after(t('added')))} />
    </section>
  );
}

interface Changes {
  role: Role;
  title: string | null;
  organisation: string | null;
}

function AppearanceRow({
  appearance,
  place,
  first,
  last,
  onSave,
  onMove,
  onRemove,
}: {
  appearance: AppearanceFieldsFragment;
  place: number;
  first: boolean;
  last: boolean;
  onSave: (changes: Changes) => void;
  onMove: (by: number) => Promise<void>;
  onRemove: () => void;
}) {
  const t = useTexts(texts);
  const locale = useLocale();
  const name = appearance.speaker.name;
  const [role, setRole] = useState<Role>(appearance.role);
  const [title, setTitle] = useState(appearance.title ?? '');
  const [organisation, setOrganisation] = useState(appearance.organisation ?? '');
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  /** Focus stays on the button pressed, or on the other one once the row reaches the top or the bottom. */
  const moving = useRef(0);
  const moveBy = (by: number) => {
    moving.current = by;
    void onMove(by);
  };
  useEffect(() => {
    const by = moving.current;
    if (by === 0) return;
    moving.current = 0;
    const pressed = by < 0 ? up.current : down.current;
    (pressed?.disabled ? (by < 0 ? down.current : up.current) : pressed)?.focus();
  }, [place]);
  return (
    <tr>
      <td>{place}</td>
      <th scope="row">{name}</th>
      <td>
        <select aria-label={t('roleOf', { name })} value={role} onChange={(event) => setRole(event.currentTarget.value as Role)}>
          {Object.entries(ROLE_NAMES[locale]).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input aria-label={t('titleOf', { name })} value={title} onInput={(event) => setTitle(event.currentTarget.value)} />
      </td>
      <td>
        <input
          aria-label={t('organisationOf', { name })}
          value={organisation}
          onInput={(event) => setOrganisation(event.currentTarget.value)}
        />
      </td>
      <td class="row-actions">
        <button type="button" onClick={() => onSave({ role, title: optional(title), organisation: optional(organisation) })}>
          {t('save', { name })}
        </button>
        <button type="button" class="secondary" ref={up} disabled={first} onClick={() => moveBy(-1)}>
          <span aria-hidden="true">↑ </span>
          {t('up', { name })}
        </button>
        <button type="button" class="secondary" ref={down} disabled={last} onClick={() => moveBy(1)}>
          <span aria-hidden="true">↓ </span>
          {t('down', { name })}
        </button>
        <button type="button" class="secondary" onClick={onRemove}>
          {t('remove', { name })}
        </button>
      </td>
    </tr>
  );
}

function AddSpeaker({
  session,
  onAdd,
}: {
  session: SessionFieldsFragment;
  onAdd: (input: { speakerId: string; role: Role; title: string | null; organisation: string | null }) => Promise<void>;
}) {
  const t = useTexts(texts);
  const locale = useLocale();
  const [typed, setTyped] = useState('');
  const [text, setText] = useState('');
  const [role, setRole] = useState<Role>('SPEAKER');
  const [title, setTitle] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [{ data, fetching }] = useQuery({ query: FindSpeakersDocument, variables: { text }, pause: text === '' });
  const inLineUp = new Set(session.appearances.map((appearance) => appearance.speaker.id));
  const found = text === '' ? null : (data?.speakers.edges.map((edge) => edge.node) ?? null);
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());

  return (
    <form
      class="add-speaker"
      aria-labelledby="add-speaker-title"
      onSubmit={(event) => {
        event.preventDefault();
        setText(typed.trim());
      }}
    >
      <h3 id="add-speaker-title">{t('addTitle')}</h3>
      <div class="add-speaker-fields">
        <TextField label={t('find')} type="search" value={typed} onValue={setTyped} />
        <button type="submit">{t('search')}</button>
        <SelectField
          label={t('newRole')}
          value={role}
          onValue={(value) => setRole(value as Role)}
          options={Object.entries(ROLE_NAMES[locale]).map(([value, label]) => ({ value, label }))}
        />
        <TextField label={t('newTitle')} value={title} onValue={setTitle} />
        <TextField label={t('newOrganisation')} value={organisation} onValue={setOrganisation} />
      </div>
      {found && !fetching && (
        <div role="region" aria-label={t('results')}>
          {found.length === 0 ? (
            <p>{t('noResults')}</p>
          ) : (
            <ul class="speaker-results">
              {found.map((speaker) => (
                <li key={speaker.id}>
                  {inLineUp.has(speaker.id) ? (
                    t('inLineUp', { name: speaker.name })
                  ) : (
                    <button
                      type="button"
                      class="secondary"
                      onClick={async () => {
                        await onAdd({ speakerId: speaker.id, role, title: optional(title), organisation: optional(organisation) });
                        setTitle('');
                        setOrganisation('');
                      }}
                    >
                      {t('add', { name: speaker.name })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
