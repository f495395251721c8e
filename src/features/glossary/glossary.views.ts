import type { Locale } from '../../core/i18n/i18n.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { glossaryMessage } from './glossary.messages.ts';
import { glossaryTerms } from './glossary.model.ts';

export const glossaryPath = '/handreiking/begrippen';

/** A link to the glossary, for the pages whose texts use its terms. */
export function glossaryLink(locale: Locale): SafeHtml {
  return html`<a class="utrecht-link" href="${glossaryPath}">${glossaryMessage(locale, 'link')}</a>`;
}

export function glossaryPage(ctx: PageContext): string {
  const t = glossaryMessage.for(ctx.locale);
  const other: Locale = ctx.locale === 'nl' ? 'en' : 'nl';
  return renderPage(ctx, {
    title: t('title'),
    nav: 'home',
    main: html`<h1 class="utrecht-heading-1">${t('title')}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">${t('lead')}</p>
      <dl class="rk-glossary">
        ${glossaryTerms.map(
          (term) =>
            html`<div id="${term.id}">
              <dt class="utrecht-heading-3">${term[ctx.locale].term}</dt>
              <dd>
                <p class="utrecht-paragraph">${term[ctx.locale].definition}</p>
                <p class="utrecht-paragraph rk-muted">
                  ${t('column.english')}: <span lang="${other}">${term[other].term}</span>
                </p>
              </dd>
            </div>`,
        )}
      </dl>`,
  });
}
