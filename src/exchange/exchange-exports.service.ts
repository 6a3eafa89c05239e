import { Inject, Injectable } from '@nestjs/common';
import { PUBLIC_VIEWER } from '../auth/viewer';
import { notFound } from '../common/errors';
import { ConferenceService } from '../conferences/conference.service';
import { RoomService } from '../conferences/room.service';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { FeedCache, RenderedFeed } from '../calendar/feed-cache.service';
import { PublishedProgrammes } from '../published/published-programmes.service';
import { isPublicPart } from '../published/public-rule';
import { SpeakerService } from '../speakers/speaker.service';
import { sessionsCsv, speakersCsv } from './csv';
import { ExportOptions, exportQueryString, releaseOf } from './export-parameters';
import { exportSchedule, ExportSource } from './export-model';
import { scheduleJson } from './schedule-json';
import { scheduleXml } from './schedule-xml';
import { schedule2Json } from './schedule2-json';
import { xcal } from './xcal';

/** Each export: its file name under the conference's address, its content type, and how it is written. */
export const EXPORT_FORMATS = {
  'schedule.xml': {
    contentType: 'application/xml; charset=utf-8',
    write: (s: ExportSource, at: string) => scheduleXml(exportSchedule(s), at),
  },
  'schedule.json': {
    contentType: 'application/json; charset=utf-8',
    write: (s: ExportSource, at: string) => scheduleJson(exportSchedule(s), at),
  },
  'schedule2.json': {
    contentType: 'application/json; charset=utf-8',
    write: (s: ExportSource, at: string) => schedule2Json(exportSchedule(s), at),
  },
  'schedule.xcal': { contentType: 'application/calendar+xml; charset=utf-8', write: (s: ExportSource) => xcal(exportSchedule(s)) },
  'sessions.csv': { contentType: 'text/csv; charset=utf-8', write: (s: ExportSource) => sessionsCsv(s) },
  'speakers.csv': { contentType: 'text/csv; charset=utf-8', write: (s: ExportSource) => speakersCsv(s) },
} as const;

export type ExportFile = keyof typeof EXPORT_FORMATS;

export function isExportFile(file: string): file is ExportFile {
  return Object.prototype.hasOwnProperty.call(EXPORT_FORMATS, file);
}

/**
 * The schedule exports of a conference's published programme, built once per change of that
 * conference (like its feeds) and served from memory.
 */
@Injectable()
export class ExchangeExports {
  private readonly base: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly conferences: ConferenceService,
    private readonly published: PublishedProgrammes,
    private readonly rooms: RoomService,
    private readonly speakers: SpeakerService,
    private readonly cache: FeedCache,
  ) {
    this.base = config.publicBaseUrl;
  }

  /** The address of one export of a conference, with these options in its query string. */
  address(slug: string, file: ExportFile, options: ExportOptions = {}): string {
    return `${this.base}/exports/conferences/${encodeURIComponent(slug)}/${file}${exportQueryString(options)}`;
  }

  export(slug: string, file: string, options: ExportOptions): Promise<RenderedFeed> {
    if (!isExportFile(file)) return Promise.reject(notFound('export', 'file', file));
    const query = exportQueryString(options);
    return this.cache.get(`export:${file}:${slug}${query}`, async () => {
      const conference = await this.conferences.bySlug(slug, PUBLIC_VIEWER);
      const view = await this.published.ofConference(conference, {}, releaseOf(options));
      const speakerIds = [
        ...new Set(view.programme.sessions.flatMap((session) => session.lineUp.map((appearance) => appearance.speakerId))),
      ];
      const [rooms, speakers] = await Promise.all([
        this.rooms.byConferenceIds([conference.id]),
        speakerIds.length ? this.speakers.byIds(speakerIds) : Promise.resolve([]),
      ]);
      const source: ExportSource = {
        conference,
        programme: view.programme,
        release: view.release ? { version: view.release.version, name: view.release.name ?? '' } : null,
        locale: options.locale,
        baseUrl: this.base,
        rooms: new Map(rooms.filter(isPublicPart).map((room) => [room.slug, { capacity: room.capacity, position: room.position }])),
        // Only the people the published line-ups name are read, so only public speakers are.
        people: new Map(speakers.map((speaker) => [speaker.id, { bio: speaker.bio ?? {}, photoUrl: speaker.photoUrl }])),
      };
      const body = EXPORT_FORMATS[file].write(source, this.address(slug, file, options));
      return { body, scopes: [`conference:${conference.id}` as const] };
    });
  }
}
