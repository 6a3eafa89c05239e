import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { Page, PageArgs, paginate } from '../common/connection';
import { parseId } from '../common/entities';
import { notFound, UserError } from '../common/errors';
import { searchable } from '../common/localisation';
import { Conference } from '../conferences/conference.entity';
import { publicSession, publicSpeaker } from '../published/public-rule';
import { SearchService } from '../search/search.service';
import { Speaker } from '../speakers/speaker.entity';
import { SpeakerService } from '../speakers/speaker.service';

/**
 * Speakers as programmes show them. A speaker is public once the public sees them take part in
 * something (`publicSpeaker`): before that, naming them would reveal a draft programme. The same
 * rule says whom an organiser may link to their programme (`requireLinkable`).
 */
@Injectable()
export class SpeakerDirectory {
  constructor(
    private readonly speakers: SpeakerService,
    private readonly search: SearchService,
  ) {}

  async bySlug(slug: string, viewer: Viewer, field = 'slug'): Promise<Speaker> {
    const speaker = await this.withOwnSlug(slug, viewer);
    if (!speaker) throw notFound('speaker', field, slug);
    return speaker;
  }

  /** The speaker whose own slug this is, if the viewer may see them, else null. */
  withOwnSlug(slug: string, viewer: Viewer): Promise<Speaker | null> {
    return this.visible(viewer).andWhere('speaker.slug = :slug', { slug }).getOne();
  }

  /** The speaker with this id if the viewer may see them, else null. */
  async byId(id: number, viewer: Viewer): Promise<Speaker | null> {
    return this.visible(viewer).andWhere('speaker.id = :id', { id }).getOne();
  }

  /**
   * Where another slug of a person leads: their own slug, once this viewer may see them (a slug of
   * someone they may not see is NOT_FOUND, naming the slug asked for). Undefined for a slug that is
   * someone's own, or nobody's. Every address that takes a speaker's slug follows it (with a 301).
   */
  async ownSlugFor(slug: string, viewer: Viewer): Promise<string | undefined> {
    const own = await this.speakers.canonicalSlug(slug);
    if (own === undefined) return undefined;
    await this.bySlug(own, viewer).catch((error: unknown) => {
      throw error instanceof UserError && error.code === 'NOT_FOUND' ? notFound('speaker', 'slug', slug) : error;
    });
    return own;
  }

  list(filter: { conference?: Conference; text?: string }, page: PageArgs, viewer: Viewer): Promise<Page<Speaker>> {
    const query = this.visible(viewer, filter.conference);
    this.search.restrict(query, 'speakers', 'speaker.id', filter.text);
    return paginate(query.orderBy('speaker.name', 'ASC').addOrderBy('speaker.id', 'ASC'), page);
  }

  /**
   * The person an actor names in a session's line-up or an interview: someone they may already
   * see (public, in a session of one of their conferences, or owned by one of them). Anyone else
   * is answered exactly as an id that does not exist, so ids cannot be probed for drafts.
   */
  async requireLinkable(manager: EntityManager, id: string | number, actor: Viewer, field: string): Promise<Speaker> {
    const speakerId = parseId(id, 'speaker', field);
    const speaker = await this.visible(actor, undefined, manager).andWhere('speaker.id = :speakerId', { speakerId }).getOne();
    if (!speaker) throw notFound('speaker', field, id);
    return speaker;
  }

  /**
   * Those an actor may link (as `requireLinkable` decides) whose name is this one, compared without
   * case, accents or extra blanks: whom an import suggests an unmatched person may be.
   */
  async linkableNamed(manager: EntityManager, name: string, actor: Viewer): Promise<Speaker[]> {
    const fold = (text: string) => searchable(text).replace(/\s+/g, ' ').trim();
    const wanted = fold(name);
    if (!wanted) return [];
    const query = this.visible(actor, undefined, manager);
    this.search.restrict(query, 'speakers', 'speaker.id', name);
    const found = await query.orderBy('speaker.id', 'ASC').take(50).getMany();
    return found.filter((speaker) => fold(speaker.name) === wanted);
  }

  /**
   * Who the viewer may see: the public, whom the public rule lets through (`publicSpeaker`); an
   * organiser, also those in their conferences' drafts and those their conferences own; an admin,
   * everyone. With a conference, only those who appear in one of its sessions the viewer may see.
   */
  private visible(viewer: Viewer, conference?: Conference, manager?: EntityManager): SelectQueryBuilder<Speaker> {
    const query = (manager ?? this.speakers.repository().manager).createQueryBuilder(Speaker, 'speaker');
    if (viewer.admin && !conference) return query;
    const drafts = viewer.conferenceIds.length ? ' OR "ds"."conferenceId" IN (:...draftScope)' : '';
    if (conference) {
      const seen = viewer.admin ? '' : ` AND (${publicSession('"ds"')}${drafts})`;
      return query.where(
        `EXISTS (SELECT 1 FROM "appearances" "da" INNER JOIN "sessions" "ds" ON "ds"."id" = "da"."sessionId" WHERE "da"."speakerId" = speaker.id AND "ds"."conferenceId" = :conferenceId${seen})`,
        { conferenceId: conference.id, draftScope: viewer.conferenceIds },
      );
    }
    if (!viewer.conferenceIds.length) return query.where(publicSpeaker('"speaker"."id"'));
    const inDrafts =
      'EXISTS (SELECT 1 FROM "appearances" "da" INNER JOIN "sessions" "ds" ON "ds"."id" = "da"."sessionId" WHERE "da"."speakerId" = speaker.id AND "ds"."conferenceId" IN (:...draftScope))';
    return query.where(`(${publicSpeaker('"speaker"."id"')} OR ${inDrafts} OR speaker.ownerConferenceId IN (:...draftScope))`, {
      draftScope: viewer.conferenceIds,
    });
  }
}
