import { Injectable } from '@nestjs/common';
import { RequestContext } from '../auth/request-context';
import { byKey, groupedByKey, requestLoader } from '../common/loaders';
import { Appearance } from './appearance.entity';
import { AppearanceService } from './appearance.service';
import { Session } from './session.entity';
import { Speaker } from '../speakers/speaker.entity';
import { SessionService } from './session.service';

@Injectable()
export class SessionLoader {
  constructor(
    private readonly sessions: SessionService,
    private readonly appearances: AppearanceService,
  ) {}

  /** A session reached through one of its appearances, which the reader already may see. */
  session(context: RequestContext, id: number): Promise<Session | null> {
    return requestLoader<number, Session | null>(context, 'session', async (ids) =>
      byKey(ids, await this.sessions.byIds(ids), (s) => s.id),
    ).load(id);
  }

  /** The session's line-up, each with its whole speaker or only `speakerColumns` of them (one loader per set of columns). */
  lineUp(context: RequestContext, sessionId: number, speakerColumns?: readonly (keyof Speaker & string)[]): Promise<Appearance[]> {
    const key = speakerColumns ? `lineUp:${speakerColumns.join(',')}` : 'lineUp';
    return requestLoader<number, Appearance[]>(context, key, async (ids) =>
      groupedByKey(ids, await this.appearances.ofSessions(ids, speakerColumns), (a) => a.sessionId),
    ).load(sessionId);
  }

  appearancesOf(context: RequestContext, speakerId: number): Promise<Appearance[]> {
    return requestLoader<number, Appearance[]>(context, 'appearancesOf', async (ids) =>
      groupedByKey(ids, await this.appearances.ofSpeakers(ids, context.viewer), (a) => a.speakerId),
    ).load(speakerId);
  }
}
