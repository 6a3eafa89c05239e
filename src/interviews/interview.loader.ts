import { Injectable } from '@nestjs/common';
import { RequestContext } from '../auth/request-context';
import { byKey, groupedByKey, requestLoader } from '../common/loaders';
import { InterviewItem } from './interview-item.entity';
import { InterviewSpeaker } from './interview-speaker.entity';
import { Interview } from './interview.entity';
import { InterviewService } from './interview.service';

@Injectable()
export class InterviewLoader {
  constructor(private readonly interviews: InterviewService) {}

  interview(context: RequestContext, id: number): Promise<Interview | null> {
    return this.interviewLoader(context).load(id);
  }

  prime(context: RequestContext, interview: Interview): void {
    this.interviewLoader(context).prime(interview.id, interview);
  }

  items(context: RequestContext, interviewId: number): Promise<InterviewItem[]> {
    return requestLoader<number, InterviewItem[]>(context, 'interviewItems', async (ids) =>
      groupedByKey(ids, await this.interviews.itemsOf(ids), (item) => item.interviewId),
    ).load(interviewId);
  }

  participants(context: RequestContext, interviewId: number): Promise<InterviewSpeaker[]> {
    return requestLoader<number, InterviewSpeaker[]>(context, 'interviewParticipants', async (ids) =>
      groupedByKey(ids, await this.interviews.participantsOf(ids), (row) => row.interviewId),
    ).load(interviewId);
  }

  aboutSession(context: RequestContext, sessionId: number): Promise<Interview[]> {
    return requestLoader<number, Interview[]>(context, 'interviewsAboutSession', async (ids) =>
      groupedByKey(ids, await this.interviews.aboutSessions(ids, context.viewer), (interview) => interview.sessionId!),
    ).load(sessionId);
  }

  withSpeaker(context: RequestContext, speakerId: number): Promise<Interview[]> {
    return requestLoader<number, Interview[]>(context, 'interviewsWithSpeaker', async (ids) =>
      groupedByKey(ids, await this.interviews.withSpeakers(ids, context.viewer), (row) => row.speakerId).map((rows) =>
        rows.map((row) => row.interview),
      ),
    ).load(speakerId);
  }

  private interviewLoader(context: RequestContext) {
    return requestLoader<number, Interview | null>(context, 'interview', async (ids) =>
      byKey(ids, await this.interviews.byIds(ids), (interview) => interview.id),
    );
  }
}
