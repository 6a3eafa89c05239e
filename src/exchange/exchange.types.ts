import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('ConferenceExports', {
  description: "The conference's published programme in the formats conference apps and programme tools read.",
})
export class ConferenceExports {
  @Field({ description: 'frab/Pentabarf schedule XML (Giggity, ConfClerk, EventFahrplan, FOSDEM Companion).' })
  scheduleXml: string;

  @Field({ description: "schedule.json v1 (c3voc), persons in pretalx's shape." })
  scheduleJson: string;

  @Field({ description: 'schedule2 (c3voc alpha-3): flat events, texts in every locale held.' })
  schedule2Json: string;

  @Field({ description: "xCal (RFC 6321): the iCal feed's events as XML." })
  xcal: string;

  @Field({ description: 'CSV, one row per session.' })
  sessionsCsv: string;

  @Field({ description: 'CSV, one row per appearance of a speaker in a session.' })
  speakersCsv: string;
}
