import { DemoLoader } from '../../src/demo/demo-loader.service';
import { Lectern, startLectern } from '../support/lectern';

describe('smoke', () => {
  let lectern: Lectern;
  beforeAll(async () => {
    lectern = await startLectern();
    await lectern.app.get(DemoLoader).load();
  });
  afterAll(() => lectern.close());
  it('serves', async () => {
    for (const path of ['/calendars/conferences/teknologi-og-politikk-2020.ics', '/calendars/conferences/umea-jobbhackathon-2016.ics?multiday=allday&locale=en', '/calendars/conferences/nope.ics', '/calendars/conferences/umea-jobbhackathon-2016.ics?format=nope&day=x', '/calendars/speakers/erik-sandstrom.ics', '/calendars/sessions/1.ics']) {
      const r = await fetch(lectern.url + path);
      console.log(path, r.status, [...r.headers.entries()], await r.text());
    }
  });
});
