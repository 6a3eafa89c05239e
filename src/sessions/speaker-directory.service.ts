import { Injectable } from '@nestjs/common';
import { SelectQueryBuilder } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { Page, PageArgs, paginate } from '../common/connection';
import { notFound } from '../common/errors';
import { Conference, ConferenceStatus } from '../conferences/conference.entity';
import { SearchService } from '../search/search.service';
import { Speaker } from '../speakers/speaker.entity';
import { SpeakerService } from '../speakers/speaker.service';

/**
 * Speakers as programmes show them. A speaker is public once they appear in a published session
 * of a published conference: before that, naming them would reveal a draft programme.
 */
@Injectable()
export class SpeakerDirectory {
  constructor(
    private readonly speakers: SpeakerService,
    private readonly search: SearchService,
  ) {}

  async bySlug(slug: string, viewer: Viewer, field = 'slug'): Promise<Speaker> {
    const speaker = await this.visible(viewer).andWhere('speaker.slug = :slug', { slug }).getOne();
    if (!speaker) throw notFound('speaker', field, slug);
    return speaker;
  }

  list(filter: { conference?: Conference; text?: string }, page: PageArgs, viewer: Viewer): Promise<Page<Speaker>> {
    const query = this.visible(viewer, filter.conference);
    this.search.restrict(query, 'speakers', 'speaker.id', filter.text);
    return paginate(query.orderBy('speaker.name', 'ASC').addOrderBy('speaker.id', 'ASC'), page);
  }

  private visible(viewer: Viewer, conference?: Conference): SelectQueryBuilder<Speaker> {
    const query = this.speakers.repository().createQueryBuilder('speaker');
    if (viewer.admin && !conference) return query;
    const conditions = ['"pa"."speakerId" = speaker.id'];
    if (conference) conditions.push('"ps"."conferenceId" = :conferenceId');
    if (!viewer.admin) {
      const published = '("ps"."published" = :published AND "pc"."status" = :conferenceStatus)';
      conditions.push(viewer.conferenceIds.length ? `(${published} OR "ps"."conferenceId" IN (:...draftScope))` : published);
    }
    return query.where(
      `EXISTS (SELECT 1 FROM "appearances" "pa" INNER JOIN "sessions" "ps" ON "ps"."id" = "pa"."sessionId" INNER JOIN "conferences" "pc" ON "pc"."id" = "ps"."conferenceId" WHERE ${conditions.join(' AND ')})`,
      { conferenceId: conference?.id, published: true, conferenceStatus: ConferenceStatus.PUBLISHED, draftScope: viewer.conferenceIds },
    );
  }
}
