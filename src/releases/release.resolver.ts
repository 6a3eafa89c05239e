import { Args, Field, InputType, Int, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { OrganiserMutation } from '../auth/organiser-mutation.decorator';
import { organises, Viewer } from '../auth/viewer';
import { localise } from '../common/localisation';
import { mutationInput, newInputArg, replacedArg } from '../common/mutation-input';
import { inFormat, TextFormat } from '../common/rich-text';
import { ConferenceService } from '../conferences/conference.service';
import { toReleasedSession } from './changelog';
import { readReleaseChoice } from './release-choice';
import { ReleaseService } from './release.service';
import { Changelog, ReleasedSession } from './release.types';
import { ScheduleRelease } from './schedule-release.entity';

@ObjectType({ description: "A conference's programme as one version shows it." })
export class ReleasedProgramme {
  @Field(() => ScheduleRelease, { nullable: true, description: 'Empty for the live published programme.' })
  release: ScheduleRelease | null;

  @Field(() => [ReleasedSession], { description: 'Published sessions in time order; unscheduled ones last.' })
  sessions: ReleasedSession[];
}

@InputType({ description: 'The conference whose published programme to release, and what to call the release.' })
export class ReleaseScheduleInput {
  @Field({ description: "The conference's slug; you must organise it." })
  conferenceSlug: string;

  @Field({ description: 'E.g. "v3 — keynote moved".' })
  name: string;

  @Field(() => String, { nullable: true, description: 'A longer word on what changed, for readers.' })
  note?: string | null;
}

@Resolver(() => ScheduleRelease)
export class ReleaseResolver {
  constructor(
    private readonly releaseService: ReleaseService,
    private readonly conferenceService: ConferenceService,
  ) {}

  @OrganiserMutation(() => ScheduleRelease, {
    description: 'Freezes the published programme as the next numbered release; refused while ERROR conflicts exist.',
  })
  releaseSchedule(
    @Args('input', newInputArg(() => ReleaseScheduleInput, 'The conference and the name of the release.'))
    input: ReleaseScheduleInput | null,
    @Args('conferenceSlug', replacedArg('conferenceSlug', { type: () => String, description: "The conference's slug." }))
    conferenceSlug: string | null,
    @Args('name', replacedArg('name', { type: () => String, description: 'E.g. "v3 — keynote moved".' })) name: string | null,
    @Args('note', replacedArg('note', { type: () => String, description: 'A longer word on what changed.' })) note: string | null,
    @CurrentViewer() actor: Viewer,
  ) {
    const release = mutationInput(input, { conferenceSlug, name, note }, ['conferenceSlug', 'name']);
    return this.releaseService.release(release.conferenceSlug, release.name, release.note ?? null, actor);
  }

  @Query(() => [ScheduleRelease], { description: "The conference's schedule releases, newest first." })
  async scheduleReleases(
    @Args('conferenceSlug', { description: "The conference's slug." }) conferenceSlug: string,
    @CurrentViewer() viewer: Viewer,
  ) {
    const conference = await this.conferenceService.bySlug(conferenceSlug, viewer, 'conferenceSlug');
    return this.releaseService.list(conference.id);
  }

  @Query(() => ScheduleRelease, { description: 'One schedule release of a conference, by its number.' })
  async scheduleRelease(
    @Args('conferenceSlug', { description: "The conference's slug." }) conferenceSlug: string,
    @Args('version', { type: () => Int, description: 'The release number: 1, 2, 3…' }) version: number,
    @CurrentViewer() viewer: Viewer,
  ) {
    const conference = await this.conferenceService.bySlug(conferenceSlug, viewer, 'conferenceSlug');
    return this.releaseService.byVersion(conference.id, version);
  }

  @Query(() => Changelog, {
    description:
      'Structured changes since a release (`version`) or since a time (`since`), to the programme the conference follows or the one `to` names ("live", "latest", a number).',
  })
  async changesSince(
    @Args('conferenceSlug', { description: "The conference's slug." }) conferenceSlug: string,
    @Args('version', { type: () => Int, nullable: true, description: 'Compare from this release number; give it or `since`.' })
    version: number | null,
    @Args('since', {
      type: () => GraphQLDateTime,
      nullable: true,
      description: 'List only sessions changed after this time (with an offset or Z); give it or `version`.',
    })
    since: Date | null,
    @Args('to', {
      type: () => String,
      nullable: true,
      description: '"live", "latest" or a release number; empty: what the conference follows.',
    })
    to: string | null,
    @CurrentViewer() viewer: Viewer,
  ) {
    const conference = await this.conferenceService.bySlug(conferenceSlug, viewer, 'conferenceSlug');
    return this.releaseService.changesSince(conference, { version, since }, readReleaseChoice(to, 'to'));
  }

  @Query(() => ReleasedProgramme, {
    description: 'The published programme as the conference follows it, or as `release` names ("live", "latest", a number).',
  })
  async releasedProgramme(
    @Args('conferenceSlug', { description: "The conference's slug." }) conferenceSlug: string,
    @Args('release', {
      type: () => String,
      nullable: true,
      description: '"live", "latest" or a release number; empty: what the conference follows.',
    })
    release: string | null,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ReleasedProgramme> {
    const choice = readReleaseChoice(release);
    const conference = await this.conferenceService.bySlug(conferenceSlug, viewer, 'conferenceSlug');
    const followed = await this.releaseService.followed(conference, choice);
    return {
      release: followed.release,
      sessions: followed.programme.sessions.map((session) => toReleasedSession(session, followed.programme.conference.defaultLocale)),
    };
  }

  @ResolveField(() => Changelog, { description: 'Against the release before it.' })
  changelog(@Parent() release: ScheduleRelease) {
    return this.releaseService.changelogOf(release);
  }

  @ResolveField(() => [ReleasedSession], { description: 'The published sessions as released.' })
  async sessions(@Parent() release: ScheduleRelease) {
    const programme = await this.releaseService.programmeOf(release);
    return programme.sessions.map((session) => toReleasedSession(session, programme.conference.defaultLocale));
  }

  @ResolveField(() => String, { nullable: true, description: 'Who released it (organisers of the conference only).' })
  releasedBy(@Parent() release: ScheduleRelease, @CurrentViewer() viewer: Viewer) {
    return organises(viewer, release.conferenceId) ? release.releasedByName : null;
  }
}

@Resolver(() => ReleasedSession)
export class ReleasedSessionResolver {
  @ResolveField(() => String, { description: "In the locale asked for, else the conference's default." })
  title(
    @Parent() session: ReleasedSession,
    @Args('locale', { nullable: true, description: 'The language wanted (BCP 47), e.g. "sv"; else chosen as the field says.' })
    locale?: string,
  ) {
    return localise(session.stored.title, locale, session.defaultLocale) ?? '';
  }

  @ResolveField(() => String, { nullable: true, description: "In the locale asked for, else the conference's default." })
  abstract(
    @Parent() session: ReleasedSession,
    @Args('locale', { nullable: true, description: 'The language wanted (BCP 47), e.g. "sv"; else chosen as the field says.' })
    locale?: string,
    @Args('format', { type: () => TextFormat, nullable: true, description: 'MARKDOWN (default, as stored), HTML or TEXT.' })
    format?: TextFormat,
  ) {
    return inFormat(localise(session.stored.abstract, locale, session.defaultLocale), format);
  }
}
