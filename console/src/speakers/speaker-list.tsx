import { useQuery } from '@urql/preact';
import { useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { catalogue, useLocale, useTexts } from '../i18n';
import { Status, TextField } from '../ui/controls';
import { Dialog } from '../ui/dialog';
import { Page } from '../ui/page';
import { InviteForm } from './invite';
import { NewSpeakerForm } from './new-speaker';
import {
  SpeakerChangesToReviewDocument,
  SpeakerInListFragment,
  SpeakerInvitationsOfConferenceDocument,
  SpeakersOfConferenceDocument,
} from './operations.generated';
import { INVITATION_NAMES } from './speaker-texts';

const texts = catalogue({
  en: {
    title: 'Speakers',
    find: 'Find by name',
    findHint: 'The beginning of any part of a name or of another spelling.',
    count_one: '{{count}} speaker',
    count_other: '{{count}} speakers',
    listCaption: 'Everyone in this conference’s programme',
    name: 'Name',
    organisation: 'Organisation',
    invitation: 'Invitation',
    review: 'Changes to review',
    notInvited: 'Not invited',
    toReview_one: '{{count}} change to review',
    toReview_other: '{{count}} changes to review',
    none: 'Nobody in the programme has this name.',
    empty: 'Nobody is in the programme yet.',
    invitedOnly: 'Invited, not in the programme yet',
    email: 'E-mail',
    inviteNew: 'Invite someone new',
    newSpeaker: 'New speaker',
    invited: 'Invitation sent to {{email}}.',
    notFound: 'No conference of yours has this address.',
    loading: 'Loading…',
  },
  sv: {
    title: 'Talare',
    find: 'Sök på namn',
    findHint: 'Början av någon del av ett namn eller av en annan stavning.',
    count_one: '{{count}} talare',
    count_other: '{{count}} talare',
    listCaption: 'Alla i konferensens program',
    name: 'Namn',
    organisation: 'Organisation',
    invitation: 'Inbjudan',
    review: 'Ändringar att granska',
    notInvited: 'Inte inbjuden',
    toReview_one: '{{count}} ändring att granska',
    toReview_other: '{{count}} ändringar att granska',
    none: 'Ingen i programmet har det namnet.',
    empty: 'Ingen finns i programmet än.',
    invitedOnly: 'Inbjudna som inte finns i programmet än',
    email: 'E-post',
    inviteNew: 'Bjud in någon ny',
    newSpeaker: 'Ny talare',
    invited: 'Inbjudan skickad till {{email}}.',
    notFound: 'Ingen av dina konferenser har den här adressen.',
    loading: 'Laddar …',
  },
  nb: {
    title: 'Foredragsholdere',
    find: 'Søk etter navn',
    findHint: 'Begynnelsen av en del av et navn eller av en annen stavemåte.',
    count_one: '{{count}} foredragsholder',
    count_other: '{{count}} foredragsholdere',
    listCaption: 'Alle i konferansens program',
    name: 'Navn',
    organisation: 'Organisasjon',
    invitation: 'Invitasjon',
    review: 'Endringer til gjennomgang',
    notInvited: 'Ikke invitert',
    toReview_one: '{{count}} endring til gjennomgang',
    toReview_other: '{{count}} endringer til gjennomgang',
    none: 'Ingen i programmet har dette navnet.',
    empty: 'Ingen er i programmet ennå.',
    invitedOnly: 'Inviterte som ikke er i programmet ennå',
    email: 'E-post',
    inviteNew: 'Inviter en ny',
    newSpeaker: 'Ny foredragsholder',
    invited: 'Invitasjonen er sendt til {{email}}.',
    notFound: 'Ingen av konferansene dine har denne adressen.',
    loading: 'Laster …',
  },
});

/** The organisation a speaker had at their latest appearance in this conference. */
function organisationOf(speaker: SpeakerInListFragment, conferenceId: string): string {
  const here = speaker.appearances.filter((appearance) => appearance.session.conference.id === conferenceId && appearance.organisation);
  return here[here.length - 1]?.organisation ?? '';
}

export default function SpeakerList() {
  const t = useTexts(texts);
  const locale = useLocale();
  const slug = useRoute().params.slug as string;
  const [typed, setTyped] = useState('');
  const [text, setText] = useState('');
  useEffect(() => {
    const waiting = setTimeout(() => setText(typed.trim()), 250);
    return () => clearTimeout(waiting);
  }, [typed]);
  const [{ data, fetching }] = useQuery({ query: SpeakersOfConferenceDocument, variables: { slug, text: text || null } });
  const conferenceId = data?.conference?.id;
  const [{ data: invitationData }, refetchInvitations] = useQuery({
    query: SpeakerInvitationsOfConferenceDocument,
    variables: { conferenceId: conferenceId ?? '' },
    pause: !conferenceId,
  });
  const [{ data: changeData }] = useQuery({
    query: SpeakerChangesToReviewDocument,
    variables: { conferenceId: conferenceId ?? '' },
    pause: !conferenceId,
  });
  const [inviting, setInviting] = useState(false);
  const [adding, setAdding] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  if (fetching && !data) return <p>{t('loading')}</p>;
  const conference = data?.conference;
  if (!conference) return <p role="alert">{t('notFound')}</p>;

  const speakers = conference.speakers.edges.map((edge) => edge.node);
  const invitations = invitationData?.speakerInvitations.edges.map((edge) => edge.node) ?? [];
  const invitationOf = (speakerId: string) => invitations.find((invitation) => invitation.speaker?.id === speakerId);
  const changes = changeData?.profileChanges.edges.map((edge) => edge.node) ?? [];
  const changesOf = (speakerId: string) => changes.filter((change) => change.speaker.id === speakerId).length;
  const listed = new Set(speakers.map((speaker) => speaker.id));
  const invitedOnly = text
    ? []
    : invitations.filter(
        (invitation, index) =>
          invitation.speaker &&
          !listed.has(invitation.speaker.id) &&
          invitations.findIndex((other) => other.speaker?.id === invitation.speaker?.id) === index,
      );
  const address = (speakerSlug: string) => `/console/conferences/${slug}/speakers/${speakerSlug}`;

  return (
    <Page
      title={t('title')}
      actions={
        <>
          <button type="button" onClick={() => setAdding(true)}>
            {t('newSpeaker')}
          </button>
          <button type="button" class="secondary" onClick={() => setInviting(true)}>
            {t('inviteNew')}
          </button>
        </>
      }
    >
      <Status>{status}</Status>
      <div class="speakers-search" role="search">
        <TextField label={t('find')} hint={t('findHint')} type="search" value={typed} onValue={setTyped} />
        <p class="hint" aria-live="polite">
          {t(conference.speakers.totalCount === 1 ? 'count_one' : 'count_other', { count: conference.speakers.totalCount })}
        </p>
      </div>
      <table class="list speakers-table">
        <caption class="speakers-caption">{t('listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('organisation')}</th>
            <th scope="col">{t('invitation')}</th>
            <th scope="col">{t('review')}</th>
          </tr>
        </thead>
        <tbody>
          {speakers.length === 0 && (
            <tr>
              <td colSpan={4}>{text ? t('none') : t('empty')}</td>
            </tr>
          )}
          {speakers.map((speaker) => {
            const invitation = invitationOf(speaker.id);
            const pending = changesOf(speaker.id);
            return (
              <tr key={speaker.id}>
                <th scope="row">
                  <a href={address(speaker.slug)}>{speaker.name}</a>
                </th>
                <td>{organisationOf(speaker, conference.id)}</td>
                <td>
                  {invitation
                    ? INVITATION_NAMES[locale][invitation.status]
                    : invitationData && <span class="speakers-quiet">{t('notInvited')}</span>}
                </td>
                <td>
                  {pending > 0 && (
                    <a class="badge speakers-pending" href={`${address(speaker.slug)}#review`}>
                      {t(pending === 1 ? 'toReview_one' : 'toReview_other', { count: pending })}
                    </a>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {invitedOnly.length > 0 && (
        <>
          <h2>{t('invitedOnly')}</h2>
          <table class="list speakers-table">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('email')}</th>
                <th scope="col">{t('invitation')}</th>
                <th scope="col">{t('review')}</th>
              </tr>
            </thead>
            <tbody>
              {invitedOnly.map((invitation) => {
                const speaker = invitation.speaker!;
                const pending = changesOf(speaker.id);
                return (
                  <tr key={invitation.id}>
                    <th scope="row">
                      <a href={address(speaker.slug)}>{speaker.name}</a>
                    </th>
                    <td>{invitation.email}</td>
                    <td>{INVITATION_NAMES[locale][invitation.status]}</td>
                    <td>
                      {pending > 0 && (
                        <a class="badge speakers-pending" href={`${address(speaker.slug)}#review`}>
                          {t(pending === 1 ? 'toReview_one' : 'toReview_other', { count: pending })}
                        </a>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}

      <Dialog title={t('newSpeaker')} open={adding} onClose={() => setAdding(false)}>
        <NewSpeakerForm conferenceId={conference.id} conferenceSlug={slug} onCancel={() => setAdding(false)} />
      </Dialog>
      <Dialog title={t('inviteNew')} open={inviting} onClose={() => setInviting(false)}>
        <InviteForm
          conferenceId={conference.id}
          defaultLocale={conference.defaultLocale}
          speaker={null}
          onCancel={() => setInviting(false)}
          onDone={(email) => {
            setInviting(false);
            setStatus(t('invited', { email }));
            refetchInvitations({ requestPolicy: 'network-only' });
          }}
        />
      </Dialog>
    </Page>
  );
}
