import { parse } from 'parse5';

/**
 * Pages read back with a real HTML parser (parse5), never with regular expressions: elements by
 * tag, class or attribute, and the text a reader sees.
 */

export type HtmlNode = {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
  /** A <template>'s content. */
  content?: HtmlNode;
  value?: string;
};

export function parseHtml(html: string): HtmlNode {
  return parse(html) as unknown as HtmlNode;
}

/** Every element under root (root included when it is one), in document order. */
export function elements(root: HtmlNode): HtmlNode[] {
  const found: HtmlNode[] = [];
  const walk = (node: HtmlNode) => {
    if (node.tagName) found.push(node);
    node.childNodes?.forEach(walk);
    if (node.content) walk(node.content);
  };
  walk(root);
  return found;
}

export const attr = (node: HtmlNode, name: string): string | undefined => node.attrs?.find((a) => a.name === name)?.value;
export const classes = (node: HtmlNode): string[] => (attr(node, 'class') ?? '').split(/\s+/).filter(Boolean);
export const byTag = (root: HtmlNode, tag: string): HtmlNode[] => elements(root).filter((node) => node.tagName === tag);
export const byClass = (root: HtmlNode, name: string): HtmlNode[] => elements(root).filter((node) => classes(node).includes(name));
export const byAttr = (root: HtmlNode, name: string, value?: string): HtmlNode[] =>
  elements(root).filter((node) => (value === undefined ? attr(node, name) !== undefined : attr(node, name) === value));
export const bySelector = (root: HtmlNode, tag: string, className: string): HtmlNode[] =>
  byTag(root, tag).filter((node) => classes(node).includes(className));

/** The text content of a node: its text nodes joined (a script's or style's text included). */
export function text(node: HtmlNode): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return (node.childNodes ?? []).map(text).join('');
}

/** The text a reader sees in the body: no scripts' or styles' contents. */
export function visibleText(node: HtmlNode): string {
  if (node.nodeName === '#text') return node.value ?? '';
  if (node.tagName === 'script' || node.tagName === 'style') return '';
  return (node.childNodes ?? []).map(visibleText).join('');
}

export function body(root: HtmlNode): HtmlNode {
  return byTag(root, 'body')[0];
}

/** Links (`a[href]`) whose text is exactly, or contains, this text. */
export function linksWithText(root: HtmlNode, wanted: string): HtmlNode[] {
  return byTag(root, 'a').filter((a) => text(a).includes(wanted));
}

/** The hrefs of every `a` element. */
export function hrefs(root: HtmlNode): string[] {
  return byTag(root, 'a').flatMap((a) => (attr(a, 'href') === undefined ? [] : [attr(a, 'href')!]));
}

/** Every attribute value of every element (to search for something that must appear nowhere). */
export function attributeValues(root: HtmlNode): string[] {
  return elements(root).flatMap((node) => (node.attrs ?? []).map((a) => a.value));
}

/** The JSON-LD documents of a page, parsed from their script elements. */
export function jsonLd(root: HtmlNode): any[] {
  return byTag(root, 'script')
    .filter((script) => attr(script, 'type') === 'application/ld+json')
    .map((script) => JSON.parse(text(script)));
}

/** A `<meta>`'s content, by its name or property. */
export function meta(root: HtmlNode, key: string): string | undefined {
  const found = byTag(root, 'meta').find((node) => attr(node, 'name') === key || attr(node, 'property') === key);
  return found && attr(found, 'content');
}
