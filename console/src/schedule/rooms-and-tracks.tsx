import { useMutation, useQuery } from '@urql/preact';
import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { catalogue, useTexts } from '../i18n';
import { CheckboxField, ProblemList, Status, TextField, problemFor } from '../ui/controls';
import { Dialog } from '../ui/dialog';
import { problemsOf } from '../ui/errors';
import { Page } from '../ui/page';
import {
  CreateRoomDocument,
  CreateTrackDocument,
  DeleteRoomDocument,
  DeleteTrackDocument,
  RoomFieldsFragment,
  RoomsAndTracksDocument,
  SetRoomAvailabilityDocument,
  TrackFieldsFragment,
  UpdateRoomDocument,
  UpdateTrackDocument,
} from './operations.generated';
import { localOf, utcOf } from './zoned-time';

const texts = catalogue({
  en: {
    title: 'Rooms and tracks',
    rooms: 'Rooms',
    tracks: 'Tracks',
    name: 'Name',
    slug: 'Address name',
    capacity: 'Seats',
    stream: 'Stream address',
    published: 'Published',
    color: 'Colour',
    availability: 'Available',
    throughout: 'Throughout the conference',
    actions: 'Actions',
    newRoom: 'New room',
    newTrack: 'New track',
    edit: 'Edit {{name}}',
    remove: 'Delete {{name}}',
    editRoom: 'Room {{name}}',
    editTrack: 'Track {{name}}',
    save: 'Save',
    cancel: 'Cancel',
    saved: 'Saved.',
    yes: 'Yes',
    no: 'No',
    windows: 'When the room can be used (times in {{zone}}); none: throughout',
    from: 'From',
    until: 'Until',
    addWindow: 'Add a window',
    removeWindow: 'Remove this window',
    confirmRoom: 'Delete the room {{name}}? Its sessions stay in the programme, without a room.',
    confirmTrack: 'Delete the track {{name}}? Its sessions stay in the programme, without a track.',
    notFound: 'No conference of yours has this address.',
    loading: 'Loading…',
  },
  sv: {
    title: 'Salar och spår',
    rooms: 'Salar',
    tracks: 'Spår',
    name: 'Namn',
    slug: 'Adressnamn',
    capacity: 'Platser',
    stream: 'Strömningsadress',
    published: 'Publicerad',
    color: 'Färg',
    availability: 'Tillgänglig',
    throughout: 'Under hela konferensen',
    actions: 'Åtgärder',
    newRoom: 'Ny sal',
    newTrack: 'Nytt spår',
    edit: 'Redigera {{name}}',
    remove: 'Ta bort {{name}}',
    editRoom: 'Sal {{name}}',
    editTrack: 'Spår {{name}}',
    save: 'Spara',
    cancel: 'Avbryt',
    saved: 'Sparat.',
    yes: 'Ja',
    no: 'Nej',
    windows: 'När salen kan användas (tider i {{zone}}); inga: hela tiden',
    from: 'Från',
    until: 'Till',
    addWindow: 'Lägg till en period',
    removeWindow: 'Ta bort perioden',
    confirmRoom: 'Ta bort salen {{name}}? Dess pass blir kvar i programmet, utan sal.',
    confirmTrack: 'Ta bort spåret {{name}}? Dess pass blir kvar i programmet, utan spår.',
    notFound: 'Ingen av dina konferenser har den här adressen.',
    loading: 'Laddar …',
  },
  nb: {
    title: 'Rom og spor',
    rooms: 'Rom',
    tracks: 'Spor',
    name: 'Navn',
    slug: 'Adressenavn',
    capacity: 'Plasser',
    stream: 'Strømmeadresse',
    published: 'Publisert',
    color: 'Farge',
    availability: 'Tilgjengelig',
    throughout: 'Under hele konferansen',
    actions: 'Handlinger',
    newRoom: 'Nytt rom',
    newTrack: 'Nytt spor',
    edit: 'Rediger {{name}}',
    remove: 'Slett {{name}}',
    editRoom: 'Rom {{name}}',
    editTrack: 'Spor {{name}}',
    save: 'Lagre',
    cancel: 'Avbryt',
    saved: 'Lagret.',
    yes: 'Ja',
    no: 'Nei',
    windows: 'Når rommet kan brukes (tider i {{zone}}); ingen: hele tiden',
    from: 'Fra',
    until: 'Til',
    addWindow: 'Legg til et tidsrom',
    removeWindow: 'Fjern tidsrommet',
    confirmRoom: 'Slette rommet {{name}}? Øktene blir værende i programmet, uten rom.',
    confirmTrack: 'Slette sporet {{name}}? Øktene blir værende i programmet, uten spor.',
    notFound: 'Ingen av konferansene dine har denne adressen.',
    loading: 'Laster …',
  },
});

type Editing = { kind: 'room'; room: RoomFieldsFragment | null } | { kind: 'track'; track: TrackFieldsFragment | null } | null;

export default function RoomsAndTracks() {
  const t = useTexts(texts);
  const slug = useRoute().params.slug as string;
  const [{ data, fetching }, refetch] = useQuery({ query: RoomsAndTracksDocument, variables: { slug } });
  const [editing, setEditing] = useState<Editing>(null);
  const [deletedRoom, deleteRoom] = useMutation(DeleteRoomDocument);
  const [deletedTrack, deleteTrack] = useMutation(DeleteTrackDocument);
  if (fetching && !data) return <p>{t('loading')}</p>;
  const conference = data?.conference;
  if (!conference) return <p role="alert">{t('notFound')}</p>;
  const zone = conference.timeZone;
  const close = () => {
    setEditing(null);
    refetch({ requestPolicy: 'network-only' });
  };
  const window = (start: string, end: string) => `${localOf(start, zone).replace('T', ' ')} – ${localOf(end, zone).replace('T', ' ')}`;

  return (
    <Page title={t('title')}>
      <h2>{t('rooms')}</h2>
      <table class="list">
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('slug')}</th>
            <th scope="col">{t('capacity')}</th>
            <th scope="col">{t('published')}</th>
            <th scope="col">{t('availability')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {conference.rooms.map((room) => (
            <tr key={room.id}>
              <td>{room.name}</td>
              <td>{room.slug}</td>
              <td>{room.capacity ?? ''}</td>
              <td>{room.published ? t('yes') : t('no')}</td>
              <td>
                {room.availability.length === 0
                  ? t('throughout')
                  : room.availability.map((each) => <div key={each.startsAt}>{window(each.startsAt, each.endsAt)}</div>)}
              </td>
              <RowActions
                name={room.name}
                question={t('confirmRoom', { name: room.name })}
                onEdit={() => setEditing({ kind: 'room', room })}
                onDelete={async () => {
                  await deleteRoom({ input: { id: room.id } });
                  refetch({ requestPolicy: 'network-only' });
                }}
              />
            </tr>
          ))}
        </tbody>
      </table>
      <ProblemList problems={problemsOf(deletedRoom.error ?? deletedTrack.error)} />
      <p>
        <button type="button" onClick={() => setEditing({ kind: 'room', room: null })}>
          {t('newRoom')}
        </button>
      </p>

      <h2>{t('tracks')}</h2>
      <table class="list">
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('slug')}</th>
            <th scope="col">{t('color')}</th>
            <th scope="col">{t('published')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {conference.tracks.map((track) => (
            <tr key={track.id}>
              <td>{track.name}</td>
              <td>{track.slug}</td>
              <td>
                {track.color && <span class="track-swatch" style={{ background: track.color }} aria-hidden="true" />} {track.color ?? ''}
              </td>
              <td>{track.published ? t('yes') : t('no')}</td>
              <RowActions
                name={track.name}
                question={t('confirmTrack', { name: track.name })}
                onEdit={() => setEditing({ kind: 'track', track })}
                onDelete={async () => {
                  await deleteTrack({ input: { id: track.id } });
                  refetch({ requestPolicy: 'network-only' });
                }}
              />
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button type="button" onClick={() => setEditing({ kind: 'track', track: null })}>
          {t('newTrack')}
        </button>
      </p>

      <Dialog
        title={
          editing?.kind === 'room'
            ? editing.room
              ? t('editRoom', { name: editing.room.name })
              : t('newRoom')
            : editing?.kind === 'track' && editing.track
              ? t('editTrack', { name: editing.track.name })
              : t('newTrack')
        }
        open={editing !== null}
        onClose={() => setEditing(null)}
      >
        {editing?.kind === 'room' && <RoomForm conferenceId={conference.id} timeZone={zone} room={editing.room} onDone={close} />}
        {editing?.kind === 'track' && <TrackForm conferenceId={conference.id} track={editing.track} onDone={close} />}
      </Dialog>
    </Page>
  );
}

/** A row's edit and delete buttons; deleting asks first. */
function RowActions({ name, question, onEdit, onDelete }: { name: string; question: string; onEdit: () => void; onDelete: () => void }) {
  const t = useTexts(texts);
  return (
    <td class="row-actions">
      <button type="button" class="secondary" onClick={onEdit}>
        {t('edit', { name })}
      </button>
      <button type="button" class="secondary" onClick={() => confirm(question) && onDelete()}>
        {t('remove', { name })}
      </button>
    </td>
  );
}

interface WindowDraft {
  startsAt: string;
  endsAt: string;
}

function RoomForm({
  conferenceId,
  timeZone,
  room,
  onDone,
}: {
  conferenceId: string;
  timeZone: string;
  room: RoomFieldsFragment | null;
  onDone: () => void;
}) {
  const t = useTexts(texts);
  const [name, setName] = useState(room?.name ?? '');
  const [slug, setSlug] = useState(room?.slug ?? '');
  const [capacity, setCapacity] = useState(room?.capacity == null ? '' : String(room.capacity));
  const [published, setPublished] = useState(room?.published ?? true);
  const [streamUrl, setStreamUrl] = useState(room?.streamUrl ?? '');
  const [windows, setWindows] = useState<WindowDraft[]>(
    () => room?.availability.map((each) => ({ startsAt: localOf(each.startsAt, timeZone), endsAt: localOf(each.endsAt, timeZone) })) ?? [],
  );
  const [created, create] = useMutation(CreateRoomDocument);
  const [updated, update] = useMutation(UpdateRoomDocument);
  const [availability, setAvailability] = useState<Awaited<ReturnType<typeof setRoomAvailability>> | null>(null);
  const [, setRoomAvailability] = useMutation(SetRoomAvailabilityDocument);
  const problems = problemsOf(created.error ?? updated.error ?? availability?.error);

  const submit = async (event: Event) => {
    event.preventDefault();
    const fields = {
      name: name.trim(),
      slug: slug.trim(),
      capacity: capacity.trim() === '' ? null : Number(capacity),
      streamUrl: streamUrl.trim() === '' ? null : streamUrl.trim(),
      published,
    };
    const saved = room ? await update({ input: { id: room.id, ...fields } }) : await create({ input: { conferenceId, ...fields } });
    const roomId = saved.data && ('updateRoom' in saved.data ? saved.data.updateRoom.id : saved.data.createRoom.id);
    if (!roomId) return;
    const answer = await setRoomAvailability({
      input: {
        roomId,
        windows: windows
          .filter((each) => each.startsAt && each.endsAt)
          .map((each) => ({ startsAt: utcOf(each.startsAt, timeZone), endsAt: utcOf(each.endsAt, timeZone) })),
      },
    });
    setAvailability(answer);
    if (!answer.error) onDone();
  };
  const setWindow = (index: number, key: keyof WindowDraft) => (value: string) =>
    setWindows((previous) => previous.map((each, at) => (at === index ? { ...each, [key]: value } : each)));

  return (
    <form class="form-grid" onSubmit={submit} noValidate>
      <TextField label={t('name')} value={name} onValue={setName} problem={problemFor(problems, 'name')} required />
      <TextField label={t('slug')} value={slug} onValue={setSlug} problem={problemFor(problems, 'slug')} required pattern="[a-z0-9-]+" />
      <TextField
        label={t('capacity')}
        value={capacity}
        onValue={setCapacity}
        problem={problemFor(problems, 'capacity')}
        type="number"
        min={0}
      />
      <TextField label={t('stream')} value={streamUrl} onValue={setStreamUrl} problem={problemFor(problems, 'streamUrl')} type="url" />
      <CheckboxField label={t('published')} checked={published} onChecked={setPublished} />
      <fieldset class="wide">
        <legend>{t('windows', { zone: timeZone })}</legend>
        {windows.map((each, index) => (
          <div class="window-row" key={index}>
            <TextField label={t('from')} type="datetime-local" value={each.startsAt} onValue={setWindow(index, 'startsAt')} />
            <TextField label={t('until')} type="datetime-local" value={each.endsAt} onValue={setWindow(index, 'endsAt')} />
            <button type="button" class="secondary" onClick={() => setWindows((previous) => previous.filter((_, at) => at !== index))}>
              {t('removeWindow')}
            </button>
          </div>
        ))}
        <button type="button" class="secondary" onClick={() => setWindows((previous) => [...previous, { startsAt: '', endsAt: '' }])}>
          {t('addWindow')}
        </button>
        {problemFor(problems, 'windows') && <p class="problem">{problemFor(problems, 'windows')?.message}</p>}
      </fieldset>
      <div class="wide">
        <ProblemList problems={problems} shownFields={['name', 'slug', 'capacity', 'streamUrl', 'windows']} />
        <button type="submit" disabled={created.fetching || updated.fetching}>
          {t('save')}
        </button>{' '}
        <button type="button" class="secondary" onClick={onDone}>
          {t('cancel')}
        </button>
        <Status>{null}</Status>
      </div>
    </form>
  );
}

function TrackForm({ conferenceId, track, onDone }: { conferenceId: string; track: TrackFieldsFragment | null; onDone: () => void }) {
  const t = useTexts(texts);
  const [name, setName] = useState(track?.name ?? '');
  const [slug, setSlug] = useState(track?.slug ?? '');
  const [color, setColor] = useState(track?.color ?? '#1f6feb');
  const [published, setPublished] = useState(track?.published ?? true);
  const [created, create] = useMutation(CreateTrackDocument);
  const [updated, update] = useMutation(UpdateTrackDocument);
  const problems = problemsOf(created.error ?? updated.error);
  const submit = async (event: Event) => {
    event.preventDefault();
    const fields = { name: name.trim(), slug: slug.trim(), color, published };
    const answer = track ? await update({ input: { id: track.id, ...fields } }) : await create({ input: { conferenceId, ...fields } });
    if (!answer.error) onDone();
  };
  return (
    <form class="form-grid" onSubmit={submit} noValidate>
      <TextField label={t('name')} value={name} onValue={setName} problem={problemFor(problems, 'name')} required />
      <TextField label={t('slug')} value={slug} onValue={setSlug} problem={problemFor(problems, 'slug')} required pattern="[a-z0-9-]+" />
      <TextField label={t('color')} value={color} onValue={setColor} problem={problemFor(problems, 'color')} type="color" />
      <CheckboxField label={t('published')} checked={published} onChecked={setPublished} />
      <div class="wide">
        <ProblemList problems={problems} shownFields={['name', 'slug', 'color']} />
        <button type="submit" disabled={created.fetching || updated.fetching}>
          {t('save')}
        </button>{' '}
        <button type="button" class="secondary" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
