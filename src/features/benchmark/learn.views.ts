import { hasRole } from '../../core/http/access.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import type { PageContext } from '../../core/render/layout.ts';
import { getFramework, localise } from '../framework/index.ts';
import { practicesOnThemeLabel, practicesOnThemeUrl } from '../practices/index.ts';
import type { BenchmarkData } from './benchmark-page.ts';
import type { LearnFromItem } from './benchmark.service.ts';
import { formatScore } from './benchmark-format.ts';
import { benchmarkMessage } from './benchmark.messages.ts';

function peerItem(ctx: PageContext, peer: LearnFromItem['peers'][number]): SafeHtml {
  const t = benchmarkMessage.for(ctx.locale);
  return html`<li>
    ${t('learn.peer', { name: peer.displayName, score: formatScore(ctx, peer.score) })} —
    <a class="utrecht-link" href="/organisations/${peer.code}"
      >${t('learn.contact')}<span class="rk-visually-hidden">
        ${t('learn.contactWith', { name: peer.displayName })}</span
      ></a
    >
  </li>`;
}

function themeItem(ctx: PageContext, data: BenchmarkData, item: LearnFromItem): SafeHtml {
  const t = benchmarkMessage.for(ctx.locale);
  const theme = getFramework(data.scan.frameworkVersion).themes.find((x) => x.id === item.themeId);
  const title = theme ? localise(theme.title, ctx.locale) : item.themeId;
  return html`<li>
    <h3 class="utrecht-heading-3">
      ${t('learn.theme', { theme: title, score: formatScore(ctx, item.ownScore) })}
    </h3>
    ${
      item.peers.length === 0
        ? html`<p class="utrecht-paragraph">${t('learn.none')}</p>`
        : html`<ul class="utrecht-unordered-list">
            ${item.peers.map((peer) => peerItem(ctx, peer))}
          </ul>`
    }
    <p class="utrecht-paragraph">
      <a class="utrecht-link" href="${practicesOnThemeUrl(item.themeId)}"
        >${practicesOnThemeLabel(ctx.locale, item.themeId)}</a
      >
    </p>
  </li>`;
}

function notNamed(ctx: PageContext, data: BenchmarkData): SafeHtml {
  const t = benchmarkMessage.for(ctx.locale);
  const o = data.organisation;
  const link = hasRole(o.role, 'admin') ? t('learn.notNamed.link') : t('sharing.link');
  return html`<p class="utrecht-paragraph">${t('learn.notNamed', { organisation: o.displayName })}</p>
    <p class="utrecht-paragraph"><a class="utrecht-link" href="/o/${o.code}/sharing">${link}</a></p>`;
}

/** For the three weakest themes: named organisations in the same networks that are a level or more ahead. */
export function learnSection(ctx: PageContext, data: BenchmarkData): SafeHtml {
  const t = benchmarkMessage.for(ctx.locale);
  const body =
    data.mode !== 'named'
      ? notNamed(ctx, data)
      : data.learn.length === 0
        ? html`<p class="utrecht-paragraph">${t('learn.noThemes', { period: data.scan.period })}</p>`
        : html`<p class="utrecht-paragraph">${t('learn.intro')}</p>
            <ol class="rk-action-list">
              ${data.learn.map((item) => themeItem(ctx, data, item))}
            </ol>`;
  return html`<section aria-labelledby="learn-heading" class="rk-card">
    <h2 class="utrecht-heading-2" id="learn-heading">${t('learn')}</h2>
    ${body}
  </section>`;
}
