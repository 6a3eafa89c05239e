import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import MarkdownIt from 'markdown-it';
import { DemoLoader } from '../../src/demo/demo-loader.service';
import { SiteExport } from '../../src/site/site-export.service';
import { Lectern, startLectern } from '../support/lectern';

/**
 * `GET /api/interviews/{slug}.md`: the interview as a static site (Hugo, Jekyll) takes a page,
 * YAML front matter and Markdown, read here with js-yaml and markdown-it and held against the
 * JSON API's answer for the same interview; `site:export` writes the same files.
 */
let lectern: Lectern;
const PANEL = 'innovasjon-i-privat-og-offentlig-sektor';

beforeAll(async () => {
  lectern = await startLectern();
  await lectern.app.get(DemoLoader).load();
});
afterAll(() => lectern.close());

interface Page {
  frontMatter: Record<string, unknown>;
  /** Each `##` heading with the text of the paragraphs under it. */
  sections: { heading: string; text: string }[];
}

/** Splits the front matter off as a static site generator does, and reads both parts. */
function readPage(markdown: string): Page {
  const parts = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown);
  expect(parts).not.toBeNull();
  const tokens = new MarkdownIt().parse(parts![2], {});
  const sections: Page['sections'] = [];
  tokens.forEach((token, i) => {
    if (token.type === 'heading_open' && token.tag === 'h2') sections.push({ heading: tokens[i + 1].content, text: '' });
    else if (token.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open' && sections.length > 0) {
      const section = sections[sections.length - 1];
      section.text = [section.text, token.content].filter(Boolean).join('\n\n');
    }
  });
  return { frontMatter: load(parts![1]) as Record<string, unknown>, sections };
}

const get = async (path: string) => {
  const response = await fetch(`${lectern.url}${path}`);
  return { response, body: await response.text() };
};

describe('GET /api/interviews/{slug}.md', () => {
  it('gives the panel as the JSON API does: front matter, each question a heading, each answer with who gave it', async () => {
    const { response, body } = await get(`/api/interviews/${PANEL}.md`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('content-language')).toBe('nb');
    const json = JSON.parse((await get(`/api/interviews/${PANEL}?format=markdown`)).body);

    const page = readPage(body);
    expect(page.frontMatter).toEqual({
      title: json.title,
      ...(json.publishedOn ? { date: json.publishedOn } : {}),
      lead: json.lead,
      speakers: json.speakers.map((speaker: { name: string }) => speaker.name),
      conference: json.conference.name,
      locale: 'nb',
      slug: PANEL,
      ...(json.author ? { author: json.author } : {}),
      ...(json.sourceUrl ? { source: json.sourceUrl } : {}),
    });
    expect(page.sections).toEqual(
      json.items.map((item: { question: string; answer: string; answeredBy: { name: string } | null }) => ({
        heading: item.question,
        text: item.answeredBy ? `**${item.answeredBy.name}:** ${item.answer}` : item.answer,
      })),
    );
    expect(page.sections.length).toBeGreaterThan(1);
  });

  it('follows ?locale=, and says which language it is in', async () => {
    const { response, body } = await get(`/api/interviews/${PANEL}.md?locale=en`);
    expect(response.headers.get('content-language')).toBe('en');
    const page = readPage(body);
    expect(page.frontMatter).toMatchObject({ locale: 'en', title: 'Innovation in the private and public sectors' });
    expect(page.sections[0].heading).toBe('How good is Norway at innovation, and what matters most to improve?');
  });

  it('answers 304 to its ETag, 404 for a draft or unknown interview, and 400 naming a bad locale', async () => {
    const first = await get(`/api/interviews/${PANEL}.md`);
    const again = await fetch(`${lectern.url}/api/interviews/${PANEL}.md`, {
      headers: { 'if-none-match': first.response.headers.get('etag')! },
    });
    expect(again.status).toBe(304);

    const { conference } = await lectern.ok(`{ conference(slug: "teknologi-og-politikk-2020") { id } }`);
    await lectern.ok(
      `mutation ($input: CreateInterviewInput!) { createInterview(input: $input) { slug } }`,
      {
        input: {
          conferenceId: conference.id,
          slug: 'utkast-intervju',
          title: [{ locale: 'nb', text: 'Utkast' }],
          language: 'nb',
          speakerIds: [(await lectern.ok(`{ speaker(slug: "tore-sandvik") { id } }`)).speaker.id],
          items: [{ question: [{ locale: 'nb', text: 'Hvorfor?' }], answer: [{ locale: 'nb', text: 'Fordi.' }] }],
        },
      },
      { as: 'organiser' },
    );
    expect((await get('/api/interviews/utkast-intervju.md')).response.status).toBe(404);
    expect((await get('/api/interviews/no-such-interview.md')).response.status).toBe(404);
    const bad = await get(`/api/interviews/${PANEL}.md?locale=norsk`);
    expect(bad.response.status).toBe(400);
    expect(JSON.parse(bad.body).error).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^locale: /) });
  });
});

describe('site:export', () => {
  it('writes each of the conference’s interviews as the same Markdown page', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lectern-md-')), 'copy');
    try {
      await lectern.app.get(SiteExport).export({ conference: 'teknologi-og-politikk-2020', out });
      const written = readFileSync(join(out, 'interviews', `${PANEL}.md`), 'utf8');
      expect(written).toBe((await get(`/api/interviews/${PANEL}.md`)).body);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
