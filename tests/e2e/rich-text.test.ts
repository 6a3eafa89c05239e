import { parseFragment } from 'parse5';
import { Lectern, startLectern } from '../support/lectern';

type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; value?: string };

/** Every element of an HTML fragment, as a real HTML parser reads it. */
function elements(html: string): Node[] {
  const found: Node[] = [];
  const walk = (node: Node) => {
    if (node.attrs) found.push(node);
    node.childNodes?.forEach(walk);
  };
  walk(parseFragment(html) as unknown as Node);
  return found;
}

const HOSTILE = [
  '# Hello **world**',
  '<script>alert("bio")</script>',
  '<img src=x onerror="alert(1)">',
  '[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:x)',
  '<a href="https://example.org" onclick="alert(2)">raw link</a>',
  '[fine](https://example.org/a?b=c) and [mail](mailto:someone@example.org) and https://linkify.example.org',
  '<iframe src="https://evil.example"></iframe><svg onload=alert(3)>',
].join('\n\n');

describe('rich text', () => {
  let lectern: Lectern;
  beforeAll(async () => {
    lectern = await startLectern();
  });
  afterAll(() => lectern.close());

  it('comes out of hostile Markdown inert: no script, no event handler, only http(s) and mailto links', async () => {
    await lectern.ok(
      `mutation ($bio: String!) { createSpeaker(input: { slug: "hostile", name: "Hostile", bio: [{ locale: "en", text: $bio }] }) { id } }`,
      { bio: HOSTILE },
      { as: 'organiser' },
    );
    const { speaker: formats } = await lectern.ok(
      `{ speaker(slug: "hostile") { markdown: bio(format: MARKDOWN) html: bio(format: HTML) text: bio(format: TEXT) } }`,
      {},
      { as: 'organiser' },
    );
    expect(formats.markdown).toBe(HOSTILE);

    const html = elements(formats.html);
    const names = html.map((element) => element.nodeName);
    expect(names).toEqual(expect.arrayContaining(['h1', 'strong', 'a', 'p']));
    for (const forbidden of ['script', 'img', 'iframe', 'svg']) expect(names).not.toContain(forbidden);
    for (const element of html) {
      for (const attribute of element.attrs ?? []) {
        expect(attribute.name).not.toMatch(/^on/i);
        if (attribute.name === 'href') expect(attribute.value).toMatch(/^(https?:|mailto:)/);
        if (attribute.name === 'src') throw new Error(`a src attribute came through: ${attribute.value}`);
      }
    }
    const hrefs = html.filter((element) => element.nodeName === 'a').map((element) => element.attrs!.find((a) => a.name === 'href')!.value);
    // Raw HTML stays text (its addresses may be linked as plain text is); unsafe schemes never link.
    expect(hrefs).toEqual(
      expect.arrayContaining(['https://example.org/a?b=c', 'mailto:someone@example.org', 'https://linkify.example.org']),
    );
    expect(hrefs.join(' ')).not.toMatch(/javascript|data:|vbscript/);
    expect(formats.html).toContain('&lt;script&gt;');

    expect(formats.text).toContain('Hello world');
    expect(formats.text).not.toContain('**');
  });
});
