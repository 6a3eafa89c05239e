import { Injectable } from '@nestjs/common';
import { TextFormat } from '../common/rich-text';
import { interviewMarkdown } from './interview-markdown';
import { SessionCalendarLinks } from './session-calendar-links';
import { WebsiteReader } from './website-reader.service';
import { InterviewView, interviewView, SpeakerView, speakerView, SpeakerWallView, speakerWallView, ViewRequest } from './website-views';

export type Wanted = Omit<ViewRequest, 'links'>;

/** The documents the JSON API sends and the embeds render, from the public programme. */
@Injectable()
export class WebsiteService {
  constructor(
    private readonly reader: WebsiteReader,
    private readonly links: SessionCalendarLinks,
  ) {}

  /** The speaker, or their own slug when `slug` is another slug of theirs. */
  async speaker(slug: string, wanted: Wanted): Promise<{ speaker: SpeakerView } | { ownSlug: string }> {
    const found = await this.reader.speaker(slug);
    return 'ownSlug' in found ? found : { speaker: speakerView(found.speaker, this.request(wanted)) };
  }

  async conferenceSpeakers(conferenceSlug: string, wanted: Wanted): Promise<SpeakerWallView> {
    const { conference, speakers } = await this.reader.conferenceSpeakers(conferenceSlug);
    return speakerWallView(conference, speakers, this.request(wanted));
  }

  async interview(slug: string, wanted: Wanted): Promise<InterviewView> {
    return interviewView(await this.reader.interview(slug), this.request(wanted));
  }

  /** The interview as a static site's Markdown page; its texts in Markdown whatever `format` asked. */
  async interviewMarkdown(slug: string, wanted: Wanted): Promise<{ markdown: string; locale: string }> {
    const interview = await this.interview(slug, { ...wanted, format: TextFormat.MARKDOWN });
    return { markdown: interviewMarkdown(interview), locale: interview.locale };
  }

  private request(wanted: Wanted): ViewRequest {
    return { ...wanted, links: this.links };
  }
}
