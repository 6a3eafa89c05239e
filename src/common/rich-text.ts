import { registerEnumType } from '@nestjs/graphql';
import MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;

/** How a rich text (bio, abstract, description, lead, answer) is read: it is stored as Markdown. */
export enum TextFormat {
  MARKDOWN = 'MARKDOWN',
  /** Safe to put in a page: raw HTML is not passed through, links are http(s) or mailto only. */
  HTML = 'HTML',
  /** Plain text, for meta tags and calendar descriptions. */
  TEXT = 'TEXT',
}
registerEnumType(TextFormat, {
  name: 'TextFormat',
  description: 'How a rich text (bio, abstract, description, lead, answer) is given; it is stored as Markdown.',
  valuesMap: {
    MARKDOWN: { description: 'As written and stored, in Markdown.' },
    HTML: {
      description: 'Rendered to HTML that is safe to put in a page: raw HTML is not passed through, links are http(s) or mailto only.',
    },
    TEXT: { description: 'Plain text without markup, for meta tags and calendar descriptions.' },
  },
});

const SAFE_LINK = /^(https?:|mailto:)/i;

const markdown = new MarkdownIt({ html: false, linkify: true });
// markdown-it already refuses javascript: and data: links; we allow fewer still.
markdown.validateLink = (url: string) => SAFE_LINK.test(url.trim());
markdown.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  tokens[index].attrSet('rel', 'nofollow noopener');
  return self.renderToken(tokens, index, options);
};

export function inFormat(source: string | null, format: TextFormat = TextFormat.MARKDOWN): string | null {
  if (source === null) return null;
  if (format === TextFormat.HTML) return htmlOf(source);
  if (format === TextFormat.TEXT) return markdownToPlainText(source);
  return source;
}

/**
 * The same texts are converted again and again (every feed rebuild after any change reads every
 * abstract; websites ask for the same bios), and parsing Markdown is most of the cost: remember
 * the latest conversions (about 8 MB of text at most), oldest forgotten first.
 */
function remembered(convert: (source: string) => string, maxCharacters = 4_000_000): (source: string) => string {
  const results = new Map<string, string>();
  let characters = 0;
  return (source) => {
    let result = results.get(source);
    if (result === undefined) {
      result = convert(source);
      results.set(source, result);
      characters += source.length + result.length;
      for (const [oldSource, oldResult] of results) {
        if (characters <= maxCharacters) break;
        results.delete(oldSource);
        characters -= oldSource.length + oldResult.length;
      }
    }
    return result;
  };
}

const htmlOf = remembered((source) => markdown.render(source));

/**
 * Keeps the words, line breaks, list items and link targets, drops the markup (so `**new**`
 * reads "new", not "**new**").
 */
export const markdownToPlainText = remembered((source: string): string => {
  let text = '';
  for (const token of markdown.parse(source, {})) {
    if (token.type === 'inline') text += inlineText(token.children ?? []);
    else if (token.type === 'code_block' || token.type === 'fence') text += token.content + '\n';
    else if (token.type === 'list_item_open') text += token.info ? `${token.info}${token.markup} ` : '- ';
    else if (token.type === 'paragraph_close' || token.type === 'heading_close') text += token.hidden ? '\n' : '\n\n';
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') text += '\n';
  }
  return text.replace(/\n{3,}/g, '\n\n').trim();
});

function inlineText(tokens: Token[]): string {
  let text = '';
  let link: { href: string; from: number } | undefined;
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'code_inline') text += token.content;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') text += '\n';
    else if (token.type === 'image') text += token.content;
    else if (token.type === 'link_open') link = { href: String(token.attrGet('href') ?? ''), from: text.length };
    else if (token.type === 'link_close' && link) {
      // A bare address is already its own text; a named link keeps its target after the name.
      if (link.href && text.slice(link.from) !== link.href) text += ` (${link.href})`;
      link = undefined;
    }
  }
  return text;
}
