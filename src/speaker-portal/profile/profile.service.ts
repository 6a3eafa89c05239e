import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { organises, requireOrganiserOf, requireSpeaker, SYSTEM_ACTOR, Viewer } from '../../auth/viewer';
import { Page, PageArgs, paginate } from '../../common/connection';
import { parseId, stamped } from '../../common/entities';
import { badInput, conflict, notFound, UserError } from '../../common/errors';
import { LocalisedTextInput } from '../../common/localisation';
import { knownLocale, Validation } from '../../common/validation';
import { Conference } from '../../conferences/conference.entity';
import { Transactions } from '../../database/transactions';
import { Appearance } from '../../sessions/appearance.entity';
import { AppearanceService } from '../../sessions/appearance.service';
import { Speaker } from '../../speakers/speaker.entity';
import { UpdateSpeakerInput } from '../../speakers/speaker.inputs';
import { SpeakerService } from '../../speakers/speaker.service';
import { SpeakerPhoto } from '../photos/photo.entity';
import { SpeakerPhotos } from '../photos/speaker-photos.service';
import { ProfileChange, ProfileChangeStatus, ProposedAppearance, ProposedProfile, ProposedValues } from './profile-change.entity';
import { AddUnavailabilityInput, ProposeAppearanceChangeInput, ProposeProfileChangeInput } from './profile.inputs';
import { SpeakerUnavailability } from './unavailability.entity';

const NOTE_MAX = 2000;
const UNAVAILABILITY_NOTE_MAX = 500;
/** A speaker marks days and weeks, not years: a longer period is a typing mistake. */
const UNAVAILABILITY_MAX_DAYS = 366;
const DAY_MS = 24 * 3600 * 1000;

/** One field of a change as reviewers read it: what it was when proposed, and what it would become. */
export interface ChangedField {
  field: string;
  /** For a bio: the locale it is in. */
  locale: string | null;
  before: string | null;
  after: string | null;
}

/**
 * A speaker's own profile: the changes they propose to it and to their appearances, their
 * organisers' review, and the times they cannot speak. A speaker reaches only their own speaker
 * and appearances (anything else is NOT_FOUND); what a change publishes goes through the same
 * SpeakerService and AppearanceService updates the organisers' mutations use, so search text,
 * revisions and change events follow.
 */
@Injectable()
export class ProfileService {
  constructor(
    @InjectRepository(ProfileChange) private readonly changes: Repository<ProfileChange>,
    @InjectRepository(SpeakerUnavailability) private readonly unavailability: Repository<SpeakerUnavailability>,
    private readonly transactions: Transactions,
    private readonly speakers: SpeakerService,
    private readonly appearances: AppearanceService,
    private readonly photos: SpeakerPhotos,
  ) {}

  /** The signed-in speaker's own profile; null for anyone else. */
  async ownSpeaker(viewer: Viewer): Promise<Speaker | null> {
    if (viewer.speakerId === null) return null;
    return this.changes.manager.findOneBy(Speaker, { id: viewer.speakerId });
  }

  /** The signed-in speaker's appearances, with their sessions and conferences, soonest conference last. */
  async ownAppearances(viewer: Viewer): Promise<Appearance[]> {
    if (viewer.speakerId === null) return [];
    return this.changes.manager.find(Appearance, {
      where: { speakerId: viewer.speakerId },
      relations: { session: { conference: true } },
      order: { session: { conference: { startDate: 'ASC' }, startsAt: 'ASC' }, id: 'ASC' },
    });
  }

  /** The signed-in speaker's proposed changes, newest first. */
  async ownChanges(viewer: Viewer): Promise<ProfileChange[]> {
    if (viewer.speakerId === null) return [];
    return this.changes.find({ where: { speakerId: viewer.speakerId }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  /** The times the signed-in speaker cannot speak, in order. */
  async ownUnavailability(viewer: Viewer): Promise<SpeakerUnavailability[]> {
    if (viewer.speakerId === null) return [];
    return this.unavailability.find({ where: { speakerId: viewer.speakerId }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  /**
   * A change the signed-in speaker makes to their own profile. Checked as an organiser's edit is
   * (SpeakerService.check); only what differs from the profile is part of it. It waits for review
   * while the owner conference asks for it (and always for a profile no conference owns), else it
   * is published at once. A second proposal while one waits is merged into it.
   */
  proposeProfileChange(input: ProposeProfileChangeInput, actor: Viewer, within?: EntityManager): Promise<ProfileChange> {
    const speakerId = requireSpeaker(actor);
    return this.transactions.run(async (manager) => {
      const speaker = await this.speakers.require(manager, speakerId);
      const update = this.asSpeakerUpdate(input);
      this.speakers.check(speaker, update);
      const { changes, before } = await this.profileDifference(manager, speaker, input);
      const conferenceId = speaker.ownerConferenceId;
      return this.propose(manager, { speakerId, appearanceId: null, conferenceId }, changes, before, actor);
    }, within);
  }

  /** A change the signed-in speaker makes to the title and organisation of one of their own appearances. */
  proposeAppearanceChange(input: ProposeAppearanceChangeInput, actor: Viewer, within?: EntityManager): Promise<ProfileChange> {
    const speakerId = requireSpeaker(actor);
    return this.transactions.run(async (manager) => {
      const appearance = await this.ownAppearance(manager, input.appearanceId, speakerId);
      const proposed: ProposedAppearance = {};
      for (const field of ['title', 'organisation'] as const) {
        if (input[field] === undefined) continue;
        const value = input[field]?.trim() || null;
        if (value !== appearance[field]) proposed[field] = value;
      }
      // The same limits as an organiser's edit, checked by the same code before anything is kept.
      new Validation().maxLength(proposed.title, 200, 'title').maxLength(proposed.organisation, 200, 'organisation').throwIfFailed();
      const before: ProposedAppearance = {};
      for (const field of Object.keys(proposed) as (keyof ProposedAppearance)[]) before[field] = appearance[field];
      const conferenceId = appearance.session!.conferenceId;
      return this.propose(manager, { speakerId, appearanceId: appearance.id, conferenceId }, proposed, before, actor);
    }, within);
  }

  /** Publishes a pending change, as the reviewing organiser: through the organisers' own update code and its rights. */
  approve(id: string, note: string | null | undefined, actor: Viewer, within?: EntityManager): Promise<ProfileChange> {
    return this.transactions.run(async (manager) => {
      const change = await this.requirePendingFor(manager, id, actor);
      await this.publish(manager, change, actor);
      return this.reviewed(manager, change, ProfileChangeStatus.APPROVED, note, actor);
    }, within);
  }

  /** Refuses a pending change with a note for the speaker; nothing of it is published. */
  reject(id: string, note: string | null | undefined, actor: Viewer, within?: EntityManager): Promise<ProfileChange> {
    return this.transactions.run(async (manager) => {
      const change = await this.requirePendingFor(manager, id, actor);
      return this.reviewed(manager, change, ProfileChangeStatus.REJECTED, note, actor);
    }, within);
  }

  /** The changes a conference's organisers review, newest first; all of them, or those in one state. */
  async listFor(
    conferenceIdText: string,
    status: ProfileChangeStatus | null | undefined,
    page: PageArgs,
    viewer: Viewer,
  ): Promise<Page<ProfileChange>> {
    const conferenceId = parseId(conferenceIdText, 'conference', 'conferenceId');
    requireOrganiserOf(viewer, conferenceId, 'conferenceId');
    if (!(await this.changes.manager.existsBy(Conference, { id: conferenceId })))
      throw notFound('conference', 'conferenceId', conferenceIdText);
    const query = this.changes
      .createQueryBuilder('change')
      .where('change.conferenceId = :conferenceId', { conferenceId })
      .orderBy('change.createdAt', 'DESC')
      .addOrderBy('change.id', 'DESC');
    if (status) query.andWhere('change.status = :status', { status });
    return paginate(query, page);
  }

  conference(id: number): Promise<Conference | null> {
    return this.changes.manager.findOneBy(Conference, { id });
  }

  /** A change for node(id): its speaker's, and its reviewers'. */
  async visibleChange(id: number, viewer: Viewer): Promise<ProfileChange | null> {
    const change = await this.changes.findOneBy({ id });
    return change && (change.speakerId === viewer.speakerId || organises(viewer, change.conferenceId)) ? change : null;
  }

  /** A period for node(id): its speaker's own (organisers see what it causes, as conflicts), and admins'. */
  async visiblePeriod(id: number, viewer: Viewer): Promise<SpeakerUnavailability | null> {
    const period = await this.unavailability.findOneBy({ id });
    return period && (period.speakerId === viewer.speakerId || viewer.admin) ? period : null;
  }

  addUnavailability(input: AddUnavailabilityInput, actor: Viewer, within?: EntityManager): Promise<SpeakerUnavailability> {
    const speakerId = requireSpeaker(actor);
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const note = input.note?.trim() || null;
    const v = new Validation()
      .check(!Number.isNaN(startsAt.getTime()), 'startsAt', 'must be an instant, e.g. 2026-11-24T08:00:00Z')
      .check(!Number.isNaN(endsAt.getTime()), 'endsAt', 'must be an instant, e.g. 2026-11-24T17:00:00Z')
      .maxLength(note, UNAVAILABILITY_NOTE_MAX, 'note');
    v.throwIfFailed();
    v.check(endsAt > startsAt, 'endsAt', 'must be after startsAt')
      .check(
        endsAt.getTime() - startsAt.getTime() <= UNAVAILABILITY_MAX_DAYS * DAY_MS,
        'endsAt',
        `must be within ${UNAVAILABILITY_MAX_DAYS} days of startsAt`,
      )
      .throwIfFailed();
    return this.transactions.run(async (manager) => {
      await this.speakers.require(manager, speakerId);
      return manager.save(manager.create(SpeakerUnavailability, { speakerId, startsAt, endsAt, note, createdAt: new Date() }));
    }, within);
  }

  removeUnavailability(id: string, actor: Viewer, within?: EntityManager): Promise<SpeakerUnavailability> {
    const speakerId = requireSpeaker(actor);
    return this.transactions.run(async (manager) => {
      const period = await manager.findOneBy(SpeakerUnavailability, { id: parseId(id, 'speaker unavailability') });
      if (!period || period.speakerId !== speakerId) throw notFound('period of yours', 'id', id);
      await manager.delete(SpeakerUnavailability, { id: period.id });
      return Object.assign(period, { id: period.id });
    }, within);
  }

  /** A change field by field, as reviewers compare it: texts as written, lists one item a line. */
  fieldsOf(change: ProfileChange): ChangedField[] {
    const fields: ChangedField[] = [];
    const { changes, before } = change;
    const plain = (field: string, was: string | null | undefined, now: string | null | undefined) =>
      fields.push({ field, locale: null, before: was ?? null, after: now ?? null });
    if (changes.name !== undefined) plain('name', before.name, changes.name);
    if (changes.otherNames !== undefined) plain('otherNames', before.otherNames?.join('\n'), changes.otherNames.join('\n'));
    for (const [locale, text] of Object.entries(changes.bio ?? {}))
      fields.push({ field: 'bio', locale, before: before.bio?.[locale] ?? null, after: text || null });
    const links = (list: { label: string; url: string }[] | undefined) => list?.map(({ label, url }) => `${label} <${url}>`).join('\n');
    if (changes.links !== undefined) plain('links', links(before.links), links(changes.links));
    if (changes.photo !== undefined) plain('photoUrl', before.photo?.url, changes.photo.url);
    if (changes.title !== undefined) plain('title', before.title, changes.title);
    if (changes.organisation !== undefined) plain('organisation', before.organisation, changes.organisation);
    return fields;
  }

  // ----

  private asSpeakerUpdate(input: ProposeProfileChangeInput): Omit<UpdateSpeakerInput, 'id'> {
    const v = new Validation();
    v.check(input.name !== null, 'name', 'cannot be cleared');
    v.throwIfFailed();
    return {
      ...(input.name !== undefined ? { name: input.name!.trim() } : {}),
      ...(input.otherNames != null ? { otherNames: input.otherNames } : {}),
      ...(input.bio != null ? { bio: input.bio } : {}),
      ...(input.links != null ? { links: input.links } : {}),
    };
  }

  /** What the proposal would change (only what differs from the profile now), and those fields' values now. */
  private async profileDifference(
    manager: EntityManager,
    speaker: Speaker,
    input: ProposeProfileChangeInput,
  ): Promise<{ changes: ProposedProfile; before: ProposedProfile }> {
    const changes: ProposedProfile = {};
    const before: ProposedProfile = {};
    const name = input.name?.trim();
    if (name !== undefined && name !== speaker.name) [changes.name, before.name] = [name, speaker.name];
    const otherNames = input.otherNames?.map((other) => other.trim());
    if (otherNames && !sameJson(otherNames, speaker.otherNames)) [changes.otherNames, before.otherNames] = [otherNames, speaker.otherNames];
    for (const { locale, text } of input.bio ?? []) {
      const canonical = knownLocale(locale)!;
      const value = text?.trim() ?? '';
      if (value === (speaker.bio[canonical] ?? '')) continue;
      (changes.bio ??= {})[canonical] = value;
      (before.bio ??= {})[canonical] = speaker.bio[canonical] ?? '';
    }
    const links = input.links?.map(({ label, url }) => ({ label: label.trim(), url: url.trim() }));
    if (links && !sameJson(links, speaker.links)) [changes.links, before.links] = [links, speaker.links];
    if (input.photoId != null) {
      const photo = await this.ownPhoto(manager, input.photoId, speaker.id);
      if (photo.url !== speaker.photoUrl) {
        changes.photo = { photoId: photo.id, url: photo.url, width: photo.width, height: photo.height, alt: null };
        before.photo = { photoId: '', url: speaker.photoUrl ?? '', width: speaker.photoWidth, height: speaker.photoHeight, alt: null };
      }
    }
    return { changes, before };
  }

  private async ownPhoto(manager: EntityManager, photoId: string, speakerId: number) {
    const mine = await manager.existsBy(SpeakerPhoto, { id: photoId, speakerId });
    const photo = mine ? await this.photos.find(photoId, manager) : null;
    if (!photo) throw notFound('photo of yours', 'photoId', photoId);
    return photo;
  }

  /**
   * Keeps a proposal: merged into the one of the same target still waiting (field by field, a
   * bio locale by locale; the values before stay those of when it was first proposed), or a new one;
   * published at once when its conference does not review speakers' changes.
   */
  private async propose(
    manager: EntityManager,
    target: { speakerId: number; appearanceId: number | null; conferenceId: number | null },
    changes: ProposedValues,
    before: ProposedValues,
    actor: Viewer,
  ): Promise<ProfileChange> {
    if (Object.keys(changes).length === 0) throw badInput('input', 'changes nothing: every value given is the one shown now');
    const conference = target.conferenceId === null ? null : await manager.findOneBy(Conference, { id: target.conferenceId });
    const needsReview = conference?.speakerChangesNeedReview ?? true;
    const now = new Date();
    const proposer = { proposedBySpeakerId: actor.speakerId, proposedByOrganiserId: actor.organiserId };
    if (!needsReview) {
      const change = manager.create(ProfileChange, {
        ...target,
        status: ProfileChangeStatus.APPLIED,
        changes,
        before,
        note: null,
        ...proposer,
        reviewedByOrganiserId: null,
        reviewedAt: now,
      });
      // The speaker's right was checked here (their own profile); the conference lets it publish without review.
      await this.publish(manager, change, SYSTEM_ACTOR);
      return manager.save(stamped(change, now));
    }
    const waiting = await manager.findOneBy(ProfileChange, {
      speakerId: target.speakerId,
      appearanceId: target.appearanceId === null ? IsNull() : target.appearanceId,
      status: ProfileChangeStatus.PENDING,
    });
    if (waiting) {
      waiting.changes = { ...waiting.changes, ...changes, ...(changes.bio ? { bio: { ...waiting.changes.bio, ...changes.bio } } : {}) };
      waiting.before = { ...before, ...waiting.before, ...(before.bio ? { bio: { ...before.bio, ...waiting.before.bio } } : {}) };
      waiting.conferenceId = target.conferenceId;
      Object.assign(waiting, proposer);
      return manager.save(stamped(waiting, now));
    }
    const change = manager.create(ProfileChange, {
      ...target,
      status: ProfileChangeStatus.PENDING,
      changes,
      before,
      note: null,
      ...proposer,
      reviewedByOrganiserId: null,
      reviewedAt: null,
    });
    return manager.save(stamped(change, now));
  }

  /** Publishes what a change proposes, with `actor`'s rights, through the organisers' own update code. */
  private async publish(manager: EntityManager, change: ProfileChange, actor: Viewer): Promise<void> {
    const { changes } = change;
    if (change.appearanceId !== null) {
      const { title, organisation } = changes;
      await this.appearances.update(String(change.appearanceId), { title, organisation }, actor, manager);
      return;
    }
    const bio: LocalisedTextInput[] | undefined = changes.bio && Object.entries(changes.bio).map(([locale, text]) => ({ locale, text }));
    const { name, otherNames, links } = changes;
    if (name !== undefined || otherNames || bio || links)
      await this.speakers.update(change.speakerId, { name, otherNames, bio, links }, actor, manager);
    // The photos part applies a stored photo without checking rights: the reviewer's were checked, or the conference publishes at once.
    if (changes.photo) await this.photos.apply(manager, change.speakerId, changes.photo.photoId);
  }

  private async reviewed(
    manager: EntityManager,
    change: ProfileChange,
    status: ProfileChangeStatus,
    note: string | null | undefined,
    actor: Viewer,
  ): Promise<ProfileChange> {
    const text = note?.trim() || null;
    new Validation().maxLength(text, NOTE_MAX, 'note').throwIfFailed();
    const now = new Date();
    Object.assign(change, { status, note: text, reviewedByOrganiserId: actor.organiserId, reviewedAt: now });
    return manager.save(stamped(change, now));
  }

  private async requirePendingFor(manager: EntityManager, id: string, actor: Viewer): Promise<ProfileChange> {
    const change = await manager.findOneBy(ProfileChange, { id: parseId(id, 'profile change') });
    if (!change) throw notFound('profile change', 'id', id);
    requireProfileReviewer(actor, change);
    if (change.status !== ProfileChangeStatus.PENDING) throw conflict('id', `this change is ${change.status.toLowerCase()} already`);
    return change;
  }

  /** One of the speaker's own appearances; anyone else's is NOT_FOUND, as if it did not exist. */
  private async ownAppearance(manager: EntityManager, id: string, speakerId: number): Promise<Appearance> {
    const appearance = await manager.findOne(Appearance, {
      where: { id: parseId(id, 'appearance', 'appearanceId') },
      relations: { session: true },
    });
    if (!appearance || appearance.speakerId !== speakerId) throw notFound('appearance of yours', 'appearanceId', id);
    return appearance;
  }
}

/** Only the organisers of the conference that reviews a change (and admins) approve or reject it. */
function requireProfileReviewer(actor: Viewer, change: ProfileChange): void {
  if (organises(actor, change.conferenceId)) return;
  throw new UserError('FORBIDDEN', 'Only the organisers of the conference that reviews this change may approve or reject it.', 'id');
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
