import MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;

const markdown = new MarkdownIt({ html: false });

/**
 * Abstracts are Markdown; a calendar shows plain text. Keeps the words, line breaks, list items and
 * link targets, drops the markup (so `**new**` reads "new", not "**new**").
 */
export function markdownToPlainText(source: string): string {
  let text = '';
  for (const token of markdown.parse(source, {})) {
    if (token.type === 'inline') text += inlineText(token.children ?? []);
    else if (token.type === 'code_block' || token.type === 'fence') text += token.content + '\n';
    else if (token.type === 'list_item_open') text += token.info ? `${token.info}${token.markup} ` : '- ';
    else if (token.type === 'paragraph_close' || token.type === 'heading_close') text += token.hidden ? '\n' : '\n\n';
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') text += '\n';
  }
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

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
