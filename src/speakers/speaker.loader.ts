import { Injectable } from '@nestjs/common';
import { byKey, RequestContext, requestLoader } from '../common/request-context';
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
}
