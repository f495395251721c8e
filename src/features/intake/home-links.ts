import type { Locale } from '../../core/i18n/i18n.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { intakeMessage } from './intake.messages.ts';

/** The two public intake forms, for the home page. */
export function intakeHomeLinks(locale: Locale): SafeHtml {
  return html`<ul class="utrecht-unordered-list">
    <li><a class="utrecht-link" href="/handreiking">${intakeMessage(locale, 'guide.title')}</a></li>
    <li><a class="utrecht-link" href="/brigade">${intakeMessage(locale, 'brigade.title')}</a></li>
  </ul>`;
}
