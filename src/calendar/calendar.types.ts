import { ArgsType, Field, ObjectType } from '@nestjs/graphql';
import { Agenda } from './agenda.entity';
import { FeedAddresses } from './calendar-links.service';
import { OpenedAgenda } from './agenda.service';
import { MultidayDisplay } from './feed-parameters';

@ObjectType('CalendarFeed', { description: 'An iCal feed of published sessions that calendar apps subscribe to and keep up to date.' })
export class CalendarFeed implements FeedAddresses {
  @Field({ description: 'The feed over HTTP(S), for a browser, a download or "subscribe by URL".' })
  https: string;

  @Field({ description: 'The same feed as a webcal:// link, which opens the subscription dialog of the calendar app.' })
  webcal: string;

  @Field({
    description:
      'The same feed as a one-off file to save or import (`download=1`: sent as an attachment); unlike a subscription, it is not kept up to date.',
  })
  download: string;
}

@ObjectType('Agenda', {
  description: "An attendee's own pick of sessions, as a list and as a calendar feed, opened by either of its secret tokens.",
})
export class PersonalAgenda implements OpenedAgenda {
  @Field(() => String, {
    nullable: true,
    description:
      'The edit token: keep it, it edits the agenda (and gives its read token again). Lectern keeps only its hash: whoever loses it can no longer change the agenda. Null when the agenda was opened with its read token.',
  })
  token: string | null;

  @Field({
    description:
      "The read token: it opens the agenda and its feed read-only, and is the one in the feed's address. Share it, or the feed, to show the agenda without letting anyone change it.",
  })
  readToken: string;

  agenda: Agenda;
}

@ArgsType()
export class FeedArgs {
  @Field({ nullable: true, description: "The language of the feed's texts (BCP 47), else each conference's default." })
  locale?: string;

  @Field(() => MultidayDisplay, { nullable: true, description: 'How a session over several days shows: TIMED (default) or ALLDAY.' })
  multiday?: MultidayDisplay;
}
