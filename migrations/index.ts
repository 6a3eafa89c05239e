import { Programme1700000000000 } from './1700000000000-programme';
import { Agendas1700000000001 } from './1700000000001-agendas';
import { Organisers1700000000002 } from './1700000000002-organisers';
import { Website1700000000003 } from './1700000000003-website';
import { Releases1700000000004 } from './1700000000004-releases';
import { Webhooks1700000000005 } from './1700000000005-webhooks';
import { Search1700000000006 } from './1700000000006-search';
import { AgendaReadTokens1700000000007 } from './1700000000007-agenda-read-tokens';
import { SpeakerOwners1700000000008 } from './1700000000008-speaker-owners';
import { CanonicalTimeZones1700000000009 } from './1700000000009-canonical-time-zones';
import { CalendarEvents1700000000010 } from './1700000000010-calendar-events';
import { CalendarRemovedEvents1700000000011 } from './1700000000011-calendar-removed-events';
import { ImportSources1700000000012 } from './1700000000012-import-sources';
import { WebhookSecretRotation1700000000013 } from './1700000000013-webhook-secret-rotation';
import { MailOutbox1700000000014 } from './1700000000014-mail-outbox';
import { SpeakerPhotos1700000000015 } from './1700000000015-speaker-photos';
import { SpeakerInvitations1700000000016 } from './1700000000016-speaker-invitations';
import { SpeakerProfileChanges1700000000017 } from './1700000000017-speaker-profile-changes';
import { Questionnaires1700000000018 } from './1700000000018-questionnaires';
import { OrganiserSessions1700000000019 } from './1700000000019-organiser-sessions';
import { ConferenceLocales1700000000020 } from './1700000000020-conference-locales';

/** Every migration, oldest first. Listed here (not globbed) so ts-jest and the build load the same ones. */
export const migrations = [
  Programme1700000000000,
  Agendas1700000000001,
  Organisers1700000000002,
  Website1700000000003,
  Releases1700000000004,
  Webhooks1700000000005,
  Search1700000000006,
  AgendaReadTokens1700000000007,
  SpeakerOwners1700000000008,
  CanonicalTimeZones1700000000009,
  CalendarEvents1700000000010,
  CalendarRemovedEvents1700000000011,
  ImportSources1700000000012,
  WebhookSecretRotation1700000000013,
  MailOutbox1700000000014,
  SpeakerPhotos1700000000015,
  SpeakerInvitations1700000000016,
  SpeakerProfileChanges1700000000017,
  Questionnaires1700000000018,
  OrganiserSessions1700000000019,
  ConferenceLocales1700000000020,
];
