import type { Locale } from '../../core/i18n/i18n.ts';
import { alert } from '../../core/render/components.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { intakeMessage } from './intake.messages.ts';

/** The offer on the scan's results and the dashboard when connectivity scores at level 1–2. */
export function brigadeScanOffer(locale: Locale, organisationCode: string): SafeHtml {
  const t = intakeMessage.for(locale);
  return alert(
    'info',
    html`<p class="utrecht-paragraph">${t('brigade.fromScan.offer')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/o/${organisationCode}/brigade/new?from=scan"
          >${t('brigade.fromScan.offerLink')}</a
        >
      </p>`,
  );
}
