import { exportPath } from './cold-export';
import { PAGE_HEADERS } from './cold-page';
import { DATA_LIMIT_PAGE, DATA_LIMIT_SPEAKER } from './data-limit';
import { LoadTarget } from './load';
import { Scenario } from './options';
import { PAGE_SIZE, pageRequest, PreparedProgramme, speakerRequest } from './prepare';
import { ServerProcess } from './processes';
import { feedPath, trackFeedPath } from './queries';
import { StaticFeed } from './static-limit';

/** One load run pair: the same requests to Lectern and to its limit. */
export interface LoadScenario {
  scenario: Scenario;
  label: string;
  limitName: string;
  target?: number;
  lecternTarget: LoadTarget;
  limitTarget: LoadTarget;
}

/** The load runs of the issue, with their targets (the least share of the limit's throughput). */
export function loadScenarios(
  base: PreparedProgramme,
  etag: string,
  programmePage: StaticFeed,
  lectern: ServerProcess,
  staticLimit: ServerProcess,
  dataLimit: ServerProcess,
): LoadScenario[] {
  const { conferenceSlug, trackSlug } = base.programme;
  const json = { 'content-type': 'application/json' };
  const page = pageRequest(base.programme, PAGE_SIZE).body!;
  const speaker = speakerRequest(base.programme).body!;
  return [
    {
      scenario: 'feed',
      label: 'Whole-conference feed, warm',
      limitName: 'static limit',
      target: 0.8,
      lecternTarget: { server: lectern, path: feedPath(conferenceSlug), expectStatus: 200 },
      limitTarget: { server: staticLimit, path: feedPath(conferenceSlug), expectStatus: 200 },
    },
    {
      scenario: 'feed-304',
      label: 'Whole-conference feed, If-None-Match (304)',
      limitName: 'static limit',
      target: 0.8,
      lecternTarget: { server: lectern, path: feedPath(conferenceSlug), headers: { 'if-none-match': etag }, expectStatus: 304 },
      limitTarget: { server: staticLimit, path: feedPath(conferenceSlug), headers: { 'if-none-match': etag }, expectStatus: 304 },
    },
    {
      scenario: 'track-feed',
      label: 'Track feed, warm',
      limitName: 'static limit',
      lecternTarget: { server: lectern, path: trackFeedPath(conferenceSlug, trackSlug), expectStatus: 200 },
      limitTarget: { server: staticLimit, path: trackFeedPath(conferenceSlug, trackSlug), expectStatus: 200 },
    },
    {
      scenario: 'export',
      label: 'schedule.xml export, warm',
      limitName: 'static limit',
      target: 0.8,
      lecternTarget: { server: lectern, path: exportPath(conferenceSlug), expectStatus: 200 },
      limitTarget: { server: staticLimit, path: exportPath(conferenceSlug), expectStatus: 200 },
    },
    {
      scenario: 'page',
      label: 'Programme page, warm',
      limitName: 'static limit',
      target: 0.8,
      lecternTarget: { server: lectern, path: programmePage.path, headers: PAGE_HEADERS, expectStatus: 200 },
      limitTarget: { server: staticLimit, path: programmePage.path, headers: PAGE_HEADERS, expectStatus: 200 },
    },
    {
      scenario: 'page-304',
      label: 'Programme page, If-None-Match (304)',
      limitName: 'static limit',
      target: 0.8,
      lecternTarget: {
        server: lectern,
        path: programmePage.path,
        headers: { ...PAGE_HEADERS, 'if-none-match': programmePage.etag },
        expectStatus: 304,
      },
      limitTarget: {
        server: staticLimit,
        path: programmePage.path,
        headers: { ...PAGE_HEADERS, 'if-none-match': programmePage.etag },
        expectStatus: 304,
      },
    },
    {
      scenario: 'graphql-page',
      label: `GraphQL sessions(first: ${PAGE_SIZE}) page`,
      limitName: 'data limit',
      target: 0.6,
      lecternTarget: { server: lectern, path: '/graphql', method: 'POST', headers: json, body: page, expectStatus: 200 },
      limitTarget: { server: dataLimit, path: DATA_LIMIT_PAGE, method: 'POST', headers: json, body: page, expectStatus: 200 },
    },
    {
      scenario: 'speaker-bio',
      label: 'GraphQL speaker with bio(format: HTML)',
      limitName: 'data limit',
      target: 0.5,
      lecternTarget: { server: lectern, path: '/graphql', method: 'POST', headers: json, body: speaker, expectStatus: 200 },
      limitTarget: { server: dataLimit, path: DATA_LIMIT_SPEAKER, method: 'POST', headers: json, body: speaker, expectStatus: 200 },
    },
  ];
}
