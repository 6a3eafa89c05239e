import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { requireAdmin, requireOrganiserOf, Viewer, visibleTo } from '../auth/viewer';
import { Page, PageArgs, paginate } from '../common/connection';
import { applyChanges, isUniqueViolation, stamped } from '../common/entities';
import { conflict, notFound } from '../common/errors';
import { mergeLocalisedText } from '../common/localisation';
import { canonicalLocale, canonicalZone, Validation } from '../common/validation';
import { Transactions } from '../database/transactions';
import { ProgrammeEvents } from '../events/programme-events';
import { Conference, ConferenceStatus } from './conference.entity';
import { CreateConferenceInput, UpdateConferenceInput } from './conference.inputs';
import { publicConference } from '../published/public-rule';
import { isReservedConferenceSlug } from './reserved-slugs';
import { Changes } from '../common/mutation-input';

const NAME_MAX = 200;
const TEXT_MAX = 20000;
const LOCALES_MAX = 20;

@Injectable()
export class ConferenceService {
  constructor(
    @InjectRepository(Conference) private readonly conferences: Repository<Conference>,
    private readonly transactions: Transactions,
    private readonly events: ProgrammeEvents,
  ) {}

  /** Conferences the viewer may see: published ones, and drafts of the conferences they organise. */
  visible(viewer: Viewer, alias = 'conference'): SelectQueryBuilder<Conference> {
    const query = this.conferences.createQueryBuilder(alias);
    const visible = visibleTo(viewer, `${alias}.id`, publicConference(`"${alias}"."id"`));
    return visible ? query.where(visible) : query;
  }

  list(viewer: Viewer, page: PageArgs): Promise<Page<Conference>> {
    return paginate(this.visible(viewer).orderBy('conference.startDate', 'DESC').addOrderBy('conference.id', 'DESC'), page);
  }

  async bySlug(slug: string, viewer: Viewer, field = 'slug'): Promise<Conference> {
    const conference = await this.visible(viewer).andWhere('conference.slug = :slug', { slug }).getOne();
    if (!conference) throw notFound('conference', field, slug);
    return conference;
  }

  async byIds(ids: readonly number[]): Promise<Conference[]> {
    return this.conferences.findBy({ id: In([...ids]) });
  }

  /** For writers: the conference, whatever its status, inside the writer's transaction. */
  async require(manager: EntityManager, id: number, field = 'id'): Promise<Conference> {
    const conference = await manager.findOneBy(Conference, { id });
    if (!conference) throw notFound('conference', field, id);
    return conference;
  }

  create(input: CreateConferenceInput, actor: Viewer, within?: EntityManager): Promise<Conference> {
    requireAdmin(actor, 'create a conference');
    return this.transactions.run(async (manager) => {
      const conference = manager.create(Conference, { status: ConferenceStatus.DRAFT, description: {}, speakerChangesNeedReview: true });
      this.apply(conference, input);
      return this.save(manager, conference);
    }, within);
  }

  update(id: number, input: Changes<UpdateConferenceInput>, actor: Viewer, within?: EntityManager): Promise<Conference> {
    return this.transactions.run(async (manager) => {
      const conference = await this.require(manager, id);
      requireOrganiserOf(actor, conference.id);
      this.apply(conference, input);
      this.events.record(manager, { kind: 'CONFERENCE_CHANGED', conferenceId: conference.id });
      return this.save(manager, conference);
    }, within);
  }

  setStatus(id: number, status: ConferenceStatus, actor: Viewer, within?: EntityManager): Promise<Conference> {
    return this.transactions.run(async (manager) => {
      const conference = await this.require(manager, id);
      requireOrganiserOf(actor, conference.id);
      conference.status = status;
      this.events.record(manager, { kind: 'CONFERENCE_CHANGED', conferenceId: conference.id, details: { status } });
      return manager.save(stamped(conference));
    }, within);
  }

  remove(id: number, actor: Viewer): Promise<Conference> {
    return this.transactions.run(async (manager) => {
      const conference = await this.require(manager, id);
      requireOrganiserOf(actor, conference.id);
      await manager.delete(Conference, { id });
      this.events.record(manager, { kind: 'CONFERENCE_CHANGED', conferenceId: id, details: { deleted: true } });
      return Object.assign(conference, { id });
    });
  }

  private apply(conference: Conference, input: Changes<UpdateConferenceInput>): void {
    const v = new Validation();
    const { description, locales, ...plain } = input;
    if (conference.id === undefined) {
      for (const field of ['slug', 'name', 'startDate', 'endDate', 'timeZone', 'defaultLocale'] as const) v.required(input[field], field);
    } else {
      for (const field of [
        'slug',
        'name',
        'startDate',
        'endDate',
        'timeZone',
        'defaultLocale',
        'programmeFollows',
        'speakerChangesNeedReview',
      ] as const) {
        v.check(input[field] !== null, field, 'cannot be cleared');
      }
    }
    v.slug(input.slug ?? undefined)
      .check(!input.slug || !isReservedConferenceSlug(input.slug), 'slug', `"${input.slug}" is reserved for Lectern's own addresses`)
      .maxLength(input.name, NAME_MAX, 'name')
      .date(input.startDate ?? undefined, 'startDate')
      .date(input.endDate ?? undefined, 'endDate')
      .timeZone(input.timeZone ?? undefined)
      .locale(input.defaultLocale ?? undefined, 'defaultLocale')
      .url(input.websiteUrl, 'websiteUrl')
      .check(!locales || locales.length <= LOCALES_MAX, 'locales', `at most ${LOCALES_MAX} languages`);
    for (const tag of locales ?? []) v.locale(tag, 'locales');
    for (const field of ['series', 'venue', 'city', 'organiser'] as const) v.maxLength(input[field], NAME_MAX, field);
    const text = mergeLocalisedText(conference.description, description, 'description', v, { maxLength: TEXT_MAX });
    v.throwIfFailed();

    applyChanges(conference, plain);
    if (input.defaultLocale) conference.defaultLocale = canonicalLocale(input.defaultLocale)!;
    const others = locales === undefined ? (conference.locales ?? []) : (locales ?? []).map((tag) => canonicalLocale(tag)!);
    conference.locales = [...new Set([conference.defaultLocale, ...others])];
    // Stored as tzdata spells it: feeds and their VTIMEZONE look the zone up by its exact name.
    if (input.timeZone) conference.timeZone = canonicalZone(input.timeZone)!;
    if (text) conference.description = text;
    if (conference.startDate > conference.endDate) {
      new Validation().fail(input.endDate ? 'endDate' : 'startDate', 'the conference must end on or after its first day').throwIfFailed();
    }
  }

  private async save(manager: EntityManager, conference: Conference): Promise<Conference> {
    const clash = await manager.findOneBy(Conference, { slug: conference.slug });
    if (clash && clash.id !== conference.id) throw conflict('slug', `another conference already has the slug "${conference.slug}"`);
    try {
      return await manager.save(stamped(conference));
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('slug', `another conference already has the slug "${conference.slug}"`);
      throw error;
    }
  }
}
