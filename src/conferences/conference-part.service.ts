import { DataSource, EntityManager, EntityTarget, In } from 'typeorm';
import { organises, requireOrganiserOf, Viewer } from '../auth/viewer';
import { applyChanges, parseId } from '../common/entities';
import { conflict, notFound } from '../common/errors';
import { Validation } from '../common/validation';
import { Transactions } from '../database/transactions';
import { ProgrammeEvents } from '../events/programme-events';
import { ConferenceService } from './conference.service';
import { isPublicPart } from '../published/public-rule';

const NAME_MAX = 200;

interface ConferencePart {
  id: number;
  conferenceId: number;
  published: boolean;
  slug: string;
  name: string;
  position: number;
}

interface PartChanges {
  slug?: string;
  name?: string;
  position?: number;
}

/** A room or track as this viewer may see it: unpublished ones only by their conference's organisers. */
export function visiblePart<T extends Pick<ConferencePart, 'conferenceId' | 'published'>>(part: T | null, viewer: Viewer): T | null {
  return part && (isPublicPart(part) || organises(viewer, part.conferenceId)) ? part : null;
}

/**
 * What rooms and tracks share: each belongs to one conference, has a slug unique within it, a
 * name and a place in the conference's order. Subclasses check their own extra fields.
 */
export abstract class ConferencePartService<T extends ConferencePart, C extends PartChanges> {
  protected abstract readonly entity: EntityTarget<T>;
  protected abstract readonly noun: string;

  constructor(
    protected readonly dataSource: DataSource,
    protected readonly transactions: Transactions,
    protected readonly conferences: ConferenceService,
    protected readonly events: ProgrammeEvents,
  ) {}

  protected abstract checkExtra(changes: C, validation: Validation): void;

  /** A conference's parts in their order, for many conferences at once (loaders). */
  async byConferenceIds(conferenceIds: readonly number[]): Promise<T[]> {
    return this.dataSource.getRepository(this.entity).find({
      where: { conferenceId: In([...conferenceIds]) } as never,
      order: { position: 'ASC', name: 'ASC', id: 'ASC' } as never,
    });
  }

  async byIds(ids: readonly number[]): Promise<T[]> {
    return this.dataSource.getRepository(this.entity).findBy({ id: In([...ids]) } as never);
  }

  /** Finds one part by id inside a writer's transaction and checks it belongs to `conferenceId`. */
  async requireIn(manager: EntityManager, id: string | number, conferenceId: number, field: string): Promise<T> {
    const part = await manager.findOneBy(this.entity, { id: parseId(id, this.noun, field) } as never);
    if (!part) throw notFound(this.noun, field, id);
    if (part.conferenceId !== conferenceId) {
      new Validation().fail(field, `${this.noun} ${id} belongs to another conference`).throwIfFailed();
    }
    return part;
  }

  create(conferenceId: string | number, changes: C & { slug: string; name: string }, actor: Viewer, within?: EntityManager): Promise<T> {
    return this.transactions.run(async (manager) => {
      const conference = await this.conferences.require(manager, parseId(conferenceId, 'conference', 'conferenceId'), 'conferenceId');
      requireOrganiserOf(actor, conference.id, 'conferenceId');
      this.check(changes, true);
      const part = manager.create(this.entity, { conferenceId: conference.id, position: 0 } as never) as T;
      applyChanges(part, changes as unknown as Partial<T>);
      return this.save(manager, part);
    }, within);
  }

  update(id: string | number, changes: C, actor: Viewer, within?: EntityManager): Promise<T> {
    return this.transactions.run(async (manager) => {
      const part = await this.require(manager, id);
      requireOrganiserOf(actor, part.conferenceId);
      this.check(changes, false);
      const wasPublished = part.published;
      applyChanges(part, changes as unknown as Partial<T>);
      // Whether the public saw it before or sees it now: a change to a part it never sees is not its news.
      const shown = wasPublished || part.published;
      this.events.record(manager, {
        kind: 'CONFERENCE_CHANGED',
        conferenceId: part.conferenceId,
        details: { [this.noun]: part.id, shown },
      });
      return this.save(manager, part);
    }, within);
  }

  remove(id: string | number, actor: Viewer): Promise<T> {
    return this.transactions.run(async (manager) => {
      const part = await this.require(manager, id);
      requireOrganiserOf(actor, part.conferenceId);
      const removedId = part.id;
      await manager.remove(part);
      this.events.record(manager, {
        kind: 'CONFERENCE_CHANGED',
        conferenceId: part.conferenceId,
        details: { [this.noun]: removedId, deleted: true, shown: part.published },
      });
      return Object.assign(part, { id: removedId });
    });
  }

  private async require(manager: EntityManager, id: string | number): Promise<T> {
    const part = await manager.findOneBy(this.entity, { id: parseId(id, this.noun) } as never);
    if (!part) throw notFound(this.noun, 'id', id);
    return part;
  }

  private check(changes: C, creating: boolean): void {
    const v = new Validation();
    if (creating) v.required(changes.slug, 'slug').required(changes.name, 'name');
    else v.check(changes.slug !== null, 'slug', 'cannot be cleared').check(changes.name !== null, 'name', 'cannot be cleared');
    v.slug(changes.slug ?? undefined).maxLength(changes.name, NAME_MAX, 'name');
    if (changes.position != null) v.check(changes.position >= 0, 'position', 'must be 0 or more');
    this.checkExtra(changes, v);
    v.throwIfFailed();
  }

  private async save(manager: EntityManager, part: T): Promise<T> {
    const clash = await manager.findOneBy(this.entity, { conferenceId: part.conferenceId, slug: part.slug } as never);
    if (clash && clash.id !== part.id) throw conflict('slug', `this conference already has a ${this.noun} "${part.slug}"`);
    return manager.save(this.entity, part);
  }
}
