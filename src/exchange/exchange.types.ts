import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('ConferenceExports', {
  description: "The conference's published programme in the formats conference apps and programme tools read.",
})
export class ConferenceExports {
  @Field({ description: 'The frab/Pentabarf schedule XML (Giggity, ConfClerk, EventFahrplan, FOSDEM Companion).' })
  scheduleXml: string;

  @Field({ description: "The c3voc schedule.json v1, persons in pretalx's shape." })
  scheduleJson: string;

  @Field({ description: 'The c3voc schedule2 JSON (alpha-3): flat events, texts in every locale held.' })
  schedule2Json: string;

  @Field({ description: "The iCal feed's events as xCal XML (RFC 6321)." })
  xcal: string;

  @Field({ description: 'CSV, one row per session.' })
  sessionsCsv: string;

  @Field({ description: 'CSV, one row per appearance of a speaker in a session.' })
  speakersCsv: string;
}
