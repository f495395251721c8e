import { scanDocumentsPath } from '../../core/http/paths.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { scanMessage } from './scan.messages.ts';

/** The link on the scan results page to the document for a management meeting. */
export function scanDocumentsLink(locale: Locale, code: string, scanId: number): SafeHtml {
  return html`<p class="utrecht-paragraph">
    <a class="utrecht-link" href="${scanDocumentsPath(code, scanId)}"
      >${scanMessage(locale, 'link.documents')}</a
    >
  </p>`;
}
