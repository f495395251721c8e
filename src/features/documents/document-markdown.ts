import MarkdownIt from 'markdown-it';
import type { DocumentBlock } from './document.model.ts';

/**
 * User-written Markdown (a strategy's vision) as document blocks: paragraphs, lists and headings
 * become real paragraphs, list items and headings in Word and the PDF; emphasis is dropped and a
 * link keeps its address in brackets, so nothing is lost on paper.
 */
const markdown = new MarkdownIt('default', { html: false, linkify: true, typographer: false });
markdown.disable(['image']);

type Token = ReturnType<typeof markdown.parse>[number];

function inlineText(token: Token): string {
  let text = '';
  let href: string | undefined;
  for (const child of token.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') text += child.content;
    else if (child.type === 'softbreak' || child.type === 'hardbreak') text += ' ';
    else if (child.type === 'link_open') href = String(child.attrGet('href') ?? '') || undefined;
    else if (child.type === 'link_close' && href) {
      if (!text.endsWith(href)) text += ` (${href})`;
      href = undefined;
    }
  }
  return text.replace(/\s+/g, ' ').trim();
}

export function markdownBlocks(source: string): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  let list: string[] | undefined;
  let heading: 2 | 3 | undefined;
  let depth = 0;
  for (const token of markdown.parse(source, {})) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      if (depth++ === 0) list = [];
    } else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') {
      if (--depth === 0 && list) {
        blocks.push({ kind: 'list', items: list });
        list = undefined;
      }
    } else if (token.type === 'heading_open') {
      heading = token.tag === 'h1' || token.tag === 'h2' ? 2 : 3;
    } else if (token.type === 'inline') {
      const text = inlineText(token);
      if (text === '') continue;
      if (list) list.push(text);
      else if (heading) blocks.push({ kind: 'heading', level: heading, text });
      else blocks.push({ kind: 'paragraph', text });
    } else if (token.type === 'heading_close') {
      heading = undefined;
    } else if (token.type === 'code_block' || token.type === 'fence') {
      blocks.push({ kind: 'paragraph', text: token.content.trim() });
    }
  }
  return blocks;
}
