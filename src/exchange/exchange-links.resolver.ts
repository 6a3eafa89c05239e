import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Conference } from '../conferences/conference.entity';
import { ExchangeExports } from './exchange-exports.service';
import { readExportParameters } from './export-parameters';
import { ConferenceExports } from './exchange.types';

/** The export addresses on the conference, resolved here so the programme never knows about its exports. */
@Resolver(() => Conference)
export class ConferenceExportsResolver {
  constructor(private readonly service: ExchangeExports) {}

  @ResolveField(() => ConferenceExports, {
    description: 'The published programme as schedule exports (frab XML, schedule JSON, xCal, CSV).',
  })
  exports(
    @Parent() conference: Conference,
    @Args('locale', { nullable: true, description: "The language of the texts (BCP 47), else the conference's default." }) locale?: string,
    @Args('release', { nullable: true, description: '"live", "latest" or a release number; empty: what the conference follows.' })
    release?: string,
  ): ConferenceExports {
    // Checked the way the exports check them, so a link handed out is never one they refuse.
    const options = readExportParameters({ ...(locale ? { locale } : {}), ...(release ? { release } : {}) });
    const at = (file: Parameters<ExchangeExports['address']>[1]) => this.service.address(conference.slug, file, options);
    return {
      scheduleXml: at('schedule.xml'),
      scheduleJson: at('schedule.json'),
      schedule2Json: at('schedule2.json'),
      xcal: at('schedule.xcal'),
      sessionsCsv: at('sessions.csv'),
      speakersCsv: at('speakers.csv'),
    };
  }
}
