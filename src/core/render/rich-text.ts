import MarkdownIt from 'markdown-it';
import { SafeHtml } from './html.ts';

/**
 * Formatted text that users write (a strategy's vision, a practice's body): Markdown with
 * paragraphs, lists, emphasis, headings and links. Raw HTML is never passed through (`html: false`
 * escapes it), and markdown-it refuses `javascript:`, `vbscript:` and `data:` links itself, so the
 * output is safe to place in a page without a separate sanitiser.
 */
const markdown = new MarkdownIt('default', { html: false, linkify: true, typographer: false });
markdown.disable(['image']);

const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  const token = tokens[index];
  // Users' links lead off the platform: no referrer, and no reach back into this page.
  token?.attrSet('rel', 'noopener noreferrer nofollow');
  token?.attrSet('class', 'utrecht-link');
  return defaultLinkOpen(tokens, index, options, env, self);
};

/** Renders user-written Markdown to safe HTML. */
export function renderRichText(source: string): SafeHtml {
  return new SafeHtml(markdown.render(source));
}

/** The text without markup, for search indexes, summaries and documents. */
export function richTextToPlain(source: string): string {
  return markdown
    .render(source)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
