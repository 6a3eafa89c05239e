import { Controller, Get, Inject, Param, Res, UseFilters } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { Feed } from 'feed';
import { PUBLIC_VIEWER } from '../auth/viewer';
import { PlainTextUserErrorFilter } from '../common/http-errors';
import { localise } from '../common/localisation';
import { ConferenceService } from '../conferences/conference.service';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { ReleaseService } from './release.service';

/** An Atom feed of a conference's schedule releases, newest first, each with its changelog in words. */
@Controller('feeds')
@UseFilters(PlainTextUserErrorFilter)
export class ChangesFeedController {
  private readonly base: string;

  constructor(
    private readonly releases: ReleaseService,
    private readonly conferences: ConferenceService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.base = config.publicBaseUrl;
  }

  @Get('conferences/:slug/changes.xml')
  async changes(@Param('slug') slug: string, @Res() reply: FastifyReply) {
    const conference = await this.conferences.bySlug(slug, PUBLIC_VIEWER);
    const releases = await this.releases.list(conference.id);
    const path = encodeURIComponent(conference.slug);
    const self = `${this.base}/feeds/conferences/${path}/changes.xml`;
    const calendar = (query = '') => `${this.base}/calendars/conferences/${path}.ics${query}`;
    const feed = new Feed({
      id: self,
      title: `${conference.name}: schedule releases`,
      description: localise(conference.description, undefined, conference.defaultLocale) ?? undefined,
      link: conference.websiteUrl ?? calendar(),
      language: conference.defaultLocale,
      updated: releases[0]?.releasedAt ?? conference.updatedAt,
      generator: 'Lectern',
      feedLinks: { atom: self },
      copyright: conference.organiser ?? conference.name,
    });
    for (const release of releases) {
      const changelog = await this.releases.changelogOf(release);
      const link = calendar(`?release=${release.version}`);
      const lines = changelog.summary.length ? changelog.summary : ['No changes to the published programme.'];
      feed.addItem({
        id: `${self}#release-${release.version}`,
        title: `Release ${release.version}: ${release.name}`,
        link,
        date: release.releasedAt,
        published: release.releasedAt,
        description: lines.join(' '),
        content: [
          release.note ? `<p>${escapeHtml(release.note)}</p>` : '',
          `<ul>${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
          `<p><a href="${escapeHtml(link)}">The programme as released (iCal)</a> · <a href="${escapeHtml(calendar())}">The programme (iCal)</a></p>`,
        ].join(''),
      });
    }
    reply.header('content-type', 'application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(feed.atom1());
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
