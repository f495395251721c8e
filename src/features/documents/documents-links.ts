import type { Locale } from '../../core/i18n/i18n.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { documentsMessage } from './documents.messages.ts';

/** Where the strategy page links to: the strategy document with its versions. */
export const strategyDocumentsHref = (code: string): string => `/o/${code}/documents/strategy`;

/** Where the scan results page links to: the scan-results document with its versions. */
export const scanDocumentsHref = (code: string, scanId: number): string =>
  `/o/${code}/scans/${scanId}/documents`;

/** The link on the scan results page to the document for a management meeting. */
export function scanDocumentsLink(locale: Locale, code: string, scanId: number): SafeHtml {
  return html`<p class="utrecht-paragraph">
    <a class="utrecht-link" href="${scanDocumentsHref(code, scanId)}"
      >${documentsMessage(locale, 'link.scan')}</a
    >
  </p>`;
}

/** The link on the strategy page to the strategy document and its versions. */
export function strategyDocumentsLink(locale: Locale, code: string): SafeHtml {
  return html`<a class="utrecht-link" href="${strategyDocumentsHref(code)}"
    >${documentsMessage(locale, 'link.strategy')}</a
  >`;
}
