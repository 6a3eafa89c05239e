import { Injectable } from '@nestjs/common';
import { RequestContext } from '../auth/request-context';
import { byKey, groupedByKey, requestLoader } from '../common/loaders';
import { Speaker } from './speaker.entity';
import { SpeakerService } from './speaker.service';

@Injectable()
export class SpeakerLoader {
  constructor(private readonly speakers: SpeakerService) {}

  /** A speaker reached through something the reader may already see (an appearance, an answer). */
  speaker(context: RequestContext, id: number): Promise<Speaker | null> {
    return requestLoader<number, Speaker | null>(context, 'speaker', async (ids) =>
      byKey(ids, await this.speakers.byIds(ids), (s) => s.id),
    ).load(id);
  }

  /** The locale the person's texts fall back to (see `SpeakerService.defaultLocalesOf`); undefined before any public appearance. */
  defaultLocale(context: RequestContext, speakerId: number): Promise<string | undefined> {
    return requestLoader<number, string | undefined>(context, 'speakerDefaultLocale', async (ids) => {
      const locales = await this.speakers.defaultLocalesOf(ids);
      return ids.map((id) => locales.get(id));
    }).load(speakerId);
  }

  otherSlugs(context: RequestContext, speakerId: number): Promise<string[]> {
    return requestLoader<number, string[]>(context, 'speakerOtherSlugs', async (ids) =>
      groupedByKey(ids, await this.speakers.otherSlugsOf(ids), (row) => row.speakerId).map((rows) => rows.map((row) => row.slug)),
    ).load(speakerId);
  }
}
