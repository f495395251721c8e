import { strategyDocumentsPath } from '../../core/http/paths.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { strategyMessage } from './strategy.messages.ts';

/** The link on the strategy page to the strategy document and its versions. */
export function strategyDocumentsLink(locale: Locale, code: string): SafeHtml {
  return html`<a class="utrecht-link" href="${strategyDocumentsPath(code)}"
    >${strategyMessage(locale, 'link.documents')}</a
  >`;
}
