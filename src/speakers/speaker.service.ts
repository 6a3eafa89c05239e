import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { organises, requireOrganiserOf, requireSpeakerOwner, Viewer } from '../auth/viewer';
import { applyChanges, parseId, stamped } from '../common/entities';
import { conflict, notFound, UserError } from '../common/errors';
import { mergeLocalisedText, searchable } from '../common/localisation';
import { Conference } from '../conferences/conference.entity';
import { Validation } from '../common/validation';
import { Transactions } from '../database/transactions';
import { ProgrammeEvents } from '../events/programme-events';
import { SearchService } from '../search/search.service';
import { SpeakerSlug } from './speaker-slug.entity';
import { Speaker } from './speaker.entity';
import { CreateSpeakerInput, UpdateSpeakerInput } from './speaker.inputs';
import { publicSession } from '../published/public-rule';
import { Changes } from '../common/mutation-input';
import { slugOf } from '../common/slugs';
import { columnsFor } from '../common/selection';

const NAME_MAX = 200;
const BIO_MAX = 20000;
const PHOTO_SIZE_MAX = 10000;
const PHOTO_ALT_MAX = 500;

type SpeakerColumn = keyof Speaker & string;

/**
 * The columns each GraphQL field of a speaker reads besides the id; a field not here (one
 * resolved in another module) reads the whole row. A line-up's `speaker { name }` reads no bio.
 */
const SPEAKER_FIELD_COLUMNS: Record<string, readonly SpeakerColumn[]> = {
  id: [],
  slug: ['slug'],
  name: ['name'],
  otherNames: ['otherNames'],
  bio: ['bio'],
  bioLocale: ['bio'],
  photoUrl: ['photoUrl'],
  photoWidth: ['photoWidth'],
  photoHeight: ['photoHeight'],
  photoAlt: ['photoAlt'],
  links: ['links'],
  email: ['email', 'ownerConferenceId'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  appearances: [],
  otherSlugs: [],
};

/** The columns of a speaker these GraphQL fields read; undefined: the whole row. */
export function speakerColumnsFor(fields: ReadonlySet<string> | undefined): SpeakerColumn[] | undefined {
  return columnsFor<SpeakerColumn>(fields, SPEAKER_FIELD_COLUMNS, ['id']);
}

/**
 * The person, independent of any programme; who may see a speaker is decided by the programme,
 * who may change one by the profile's owner conference (`ownsSpeaker`).
 */
@Injectable()
export class SpeakerService {
  constructor(
    @InjectRepository(Speaker) private readonly speakers: Repository<Speaker>,
    private readonly transactions: Transactions,
    private readonly events: ProgrammeEvents,
    private readonly search: SearchService,
  ) {}

  repository(): Repository<Speaker> {
    return this.speakers;
  }

  byIds(ids: readonly number[]): Promise<Speaker[]> {
    return this.speakers.findBy({ id: In([...ids]) });
  }

  async require(manager: EntityManager, id: number, field = 'id'): Promise<Speaker> {
    const speaker = await manager.findOneBy(Speaker, { id });
    if (!speaker) throw notFound('speaker', field, id);
    return speaker;
  }

  /**
   * A new person, owned by the conference named in the input: an organiser must name one of
   * theirs, an admin may leave the person to the admins alone.
   */
  create(input: CreateSpeakerInput, actor: Viewer, within?: EntityManager): Promise<Speaker> {
    return this.transactions.run(async (manager) => {
      if (!actor.admin) new Validation().required(input.conferenceId, 'conferenceId').throwIfFailed();
      const speaker = manager.create(Speaker, { otherNames: [], bio: {}, links: [], photoUrl: null, email: null });
      speaker.ownerConferenceId = await this.ownerConference(manager, input.conferenceId ?? null, actor);
      this.apply(speaker, input);
      const saved = await this.save(manager, speaker, input.otherSlugs);
      await this.search.indexSpeakers(manager, [saved.id]);
      return saved;
    }, within);
  }

  /** A slug for a new person of this name that names nobody yet, not even by an old slug (`erik-sandstrom`, then `erik-sandstrom-2`). */
  async freeSlug(manager: EntityManager, name: string): Promise<string> {
    const base = slugOf(name) || 'speaker';
    for (let n = 1; ; n++) {
      const slug = n === 1 ? base : `${base.slice(0, 70)}-${n}`;
      if (!(await manager.existsBy(Speaker, { slug })) && !(await manager.existsBy(SpeakerSlug, { slug }))) return slug;
    }
  }

  /** The profile is its owner's (see `ownsSpeaker`); the conferences that merely link the person may not change it. */
  update(id: number, input: Changes<UpdateSpeakerInput>, actor: Viewer, within?: EntityManager): Promise<Speaker> {
    return this.transactions.run(async (manager) => {
      const speaker = await this.require(manager, id);
      requireSpeakerOwner(actor, speaker);
      if (input.conferenceId !== undefined) speaker.ownerConferenceId = await this.ownerConference(manager, input.conferenceId, actor);
      const conferences = await this.conferencesOf(manager, speaker.id);
      const searchedBefore = speaker.searchText;
      this.apply(speaker, input);
      const saved = await this.save(manager, speaker, input.otherSlugs);
      if (saved.searchText !== searchedBefore) await this.search.indexSpeakers(manager, [saved.id]);
      for (const conferenceId of conferences) this.events.record(manager, { kind: 'SPEAKER_CHANGED', conferenceId, speakerId: saved.id });
      return saved;
    }, within);
  }

  /**
   * Deleting a person is their owner's to do, and it takes them out of every programme, so it
   * needs every one of those conferences too.
   */
  remove(id: number, actor: Viewer): Promise<Speaker> {
    return this.transactions.run(async (manager) => {
      const speaker = await this.require(manager, id);
      requireSpeakerOwner(actor, speaker);
      const conferences = await this.conferencesOf(manager, speaker.id);
      if (!conferences.every((conferenceId) => organises(actor, conferenceId))) {
        throw new UserError('FORBIDDEN', 'This speaker also appears in conferences you do not organise.');
      }
      const sessionIds = await this.search.sessionsOfSpeaker(manager, id);
      await manager.delete(Speaker, { id });
      await this.search.speakerRemoved(manager, id, sessionIds);
      for (const conferenceId of conferences)
        this.events.record(manager, { kind: 'SPEAKER_CHANGED', conferenceId, speakerId: id, details: { deleted: true, sessionIds } });
      return Object.assign(speaker, { id });
    });
  }

  /**
   * Refuses changes `update` would refuse (each problem naming its field), without changing the
   * speaker: for a change proposed now and applied through `update` later, after review.
   */
  check(speaker: Speaker, input: Changes<UpdateSpeakerInput>): void {
    this.apply(Object.assign(new Speaker(), speaker), input);
  }

  /** The owner conference an input names: one the actor organises (null, the admins', for admins only). */
  private async ownerConference(manager: EntityManager, conferenceId: string | null, actor: Viewer): Promise<number | null> {
    if (conferenceId === null) {
      requireOrganiserOf(actor, null, 'conferenceId');
      return null;
    }
    const id = parseId(conferenceId, 'conference', 'conferenceId');
    if (!(await manager.existsBy(Conference, { id }))) throw notFound('conference', 'conferenceId', id);
    requireOrganiserOf(actor, id, 'conferenceId');
    return id;
  }

  /**
   * The conferences a person takes part in, in a session or an interview: those told of a change
   * to the person, and those a deletion needs. This one query reads the programme's tables by name.
   */
  async conferencesOf(manager: EntityManager, speakerId: number): Promise<number[]> {
    const rows: { conferenceId: number | string }[] = await manager.query(
      `SELECT DISTINCT "s"."conferenceId" AS "conferenceId" FROM "appearances" "a" INNER JOIN "sessions" "s" ON "s"."id" = "a"."sessionId" WHERE "a"."speakerId" = $1
       UNION
       SELECT DISTINCT "i"."conferenceId" AS "conferenceId" FROM "interview_speakers" "iv" INNER JOIN "interviews" "i" ON "i"."id" = "iv"."interviewId" WHERE "iv"."speakerId" = $1 AND "i"."conferenceId" IS NOT NULL`,
      [speakerId],
    );
    return rows.map((row) => Number(row.conferenceId));
  }

  private apply(speaker: Speaker, input: Changes<UpdateSpeakerInput>): void {
    const v = new Validation();
    const { bio, otherNames, links, photoAlt, otherSlugs, conferenceId: _owner, ...plain } = input;
    if (speaker.id === undefined) v.required(input.slug, 'slug').required(input.name, 'name');
    else v.check(input.slug !== null, 'slug', 'cannot be cleared').check(input.name !== null, 'name', 'cannot be cleared');
    v.slug(input.slug ?? undefined)
      .maxLength(input.name, NAME_MAX, 'name')
      .url(input.photoUrl, 'photoUrl');
    otherNames?.forEach((name, i) => v.required(name, `otherNames[${i}]`).maxLength(name, NAME_MAX, `otherNames[${i}]`));
    links?.forEach((link, i) => v.required(link.label, `links[${i}].label`).url(link.url, `links[${i}].url`));
    v.email(input.email);
    const text = mergeLocalisedText(speaker.bio, bio, 'bio', v, { maxLength: BIO_MAX });
    for (const field of ['photoWidth', 'photoHeight'] as const) {
      const size = input[field];
      if (size != null)
        v.check(
          Number.isInteger(size) && size > 0 && size <= PHOTO_SIZE_MAX,
          field,
          `must be a whole number of pixels, 1 to ${PHOTO_SIZE_MAX}`,
        );
    }
    const alt = mergeLocalisedText(speaker.photoAlt, photoAlt, 'photoAlt', v, { maxLength: PHOTO_ALT_MAX });
    otherSlugs?.forEach((slug, i) =>
      v.slug(slug, `otherSlugs[${i}]`).check(slug !== (input.slug ?? speaker.slug), `otherSlugs[${i}]`, "is the speaker's own slug"),
    );
    v.throwIfFailed();

    applyChanges(speaker, plain);
    if (otherNames) speaker.otherNames = otherNames.map((name) => name.trim());
    if (links) speaker.links = links.map(({ label, url }) => ({ label, url }));
    if (text) speaker.bio = text;
    if (alt) speaker.photoAlt = Object.keys(alt).length ? alt : null;
    speaker.searchText = searchable(speaker.name, speaker.otherNames.join(' '));
  }

  private async save(manager: EntityManager, speaker: Speaker, otherSlugs?: string[]): Promise<Speaker> {
    const clash = await manager.findOneBy(Speaker, { slug: speaker.slug });
    if (clash && clash.id !== speaker.id) throw conflict('slug', `another speaker already has the slug "${speaker.slug}"`);
    const alias = await manager.findOneBy(SpeakerSlug, { slug: speaker.slug });
    if (alias && alias.speakerId !== speaker.id) throw conflict('slug', `"${speaker.slug}" already leads to another speaker`);
    const saved = await manager.save(stamped(speaker));
    if (alias) await manager.delete(SpeakerSlug, { slug: speaker.slug });
    if (otherSlugs) await this.replaceOtherSlugs(manager, saved, otherSlugs);
    return saved;
  }

  private async replaceOtherSlugs(manager: EntityManager, speaker: Speaker, otherSlugs: string[]): Promise<void> {
    const slugs = [...new Set(otherSlugs)];
    for (const slug of slugs) {
      const field = `otherSlugs[${otherSlugs.indexOf(slug)}]`;
      if (await manager.existsBy(Speaker, { slug })) throw conflict(field, `"${slug}" is another speaker's slug`);
      const taken = await manager.findOneBy(SpeakerSlug, { slug });
      if (taken && taken.speakerId !== speaker.id) throw conflict(field, `"${slug}" already leads to another speaker`);
    }
    await manager.delete(SpeakerSlug, { speakerId: speaker.id });
    if (slugs.length) await manager.save(slugs.map((slug) => manager.create(SpeakerSlug, { slug, speakerId: speaker.id })));
  }

  /** The person's own slug, when `slug` is one of their other slugs. */
  async canonicalSlug(slug: string): Promise<string | undefined> {
    const alias = await this.speakers.manager.findOne(SpeakerSlug, { where: { slug }, relations: { speaker: true } });
    return alias?.speaker?.slug;
  }

  otherSlugsOf(speakerIds: readonly number[]): Promise<SpeakerSlug[]> {
    return this.speakers.manager.find(SpeakerSlug, { where: { speakerId: In([...speakerIds]) }, order: { slug: 'ASC' } });
  }

  /**
   * The locale each person's texts fall back to: the default locale of the published conference
   * they last appeared at (a person has no language of their own; the programmes they are in do).
   * Reads the programme's tables by name, as `conferencesOf` does.
   */
  async defaultLocalesOf(speakerIds: readonly number[]): Promise<Map<number, string>> {
    if (speakerIds.length === 0) return new Map();
    const rows: { speakerId: number | string; defaultLocale: string }[] = await this.speakers.manager.query(
      `SELECT "a"."speakerId" AS "speakerId", "c"."defaultLocale" AS "defaultLocale"
       FROM "appearances" "a" INNER JOIN "sessions" "s" ON "s"."id" = "a"."sessionId" INNER JOIN "conferences" "c" ON "c"."id" = "s"."conferenceId"
       WHERE "a"."speakerId" IN (${speakerIds.map((_, i) => `$${i + 1}`).join(', ')}) AND ${publicSession('"s"')}
       ORDER BY "c"."startDate" ASC, "c"."id" ASC`,
      [...speakerIds],
    );
    // Oldest first, so the last one written for a person is their latest conference's.
    return new Map(rows.map((row) => [Number(row.speakerId), row.defaultLocale]));
  }
}
