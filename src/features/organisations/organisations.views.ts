import { brigadeScanOffer } from '../intake/index.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';
import type { OrganisationKind } from '../../core/db/core.tables.ts';
import { alert, table } from '../../core/render/components.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import type { OrganisationScope } from '../../core/http/context.ts';
import type { DashboardState } from './dashboard.queries.ts';
import { nextSteps } from './dashboard.views.ts';
import { organisationsMessage } from './organisations.messages.ts';

export interface OrganisationRow {
  code: string;
  kind: OrganisationKind;
  name: string;
  displayName: string;
  provinceCode: string | null;
}

export interface DirectoryData {
  q: string;
  province: string;
  kind: string;
  page: number;
  pages: number;
  total: number;
  items: OrganisationRow[];
  provinces: { code: string; name: string }[];
}

function directoryForm(ctx: PageContext, data: DirectoryData): SafeHtml {
  const t = organisationsMessage.for(ctx.locale);
  const kinds: OrganisationKind[] = ['municipality', 'province', 'region'];
  return html`<form method="get" action="/organisations" class="rk-filter" role="search">
    <div class="utrecht-form-field">
      <label class="utrecht-form-label" for="q">${t('directory.search')}</label>
      <input
        class="utrecht-textbox utrecht-textbox--html-input"
        type="search"
        id="q"
        name="q"
        value="${data.q}"
      />
    </div>
    <div class="utrecht-form-field">
      <label class="utrecht-form-label" for="province">${t('directory.province')}</label>
      <select class="utrecht-select utrecht-select--html-select" id="province" name="province">
        <option value="">${t('directory.allProvinces')}</option>
        ${data.provinces.map((p) => html`<option value="${p.code}" ${p.code === data.province ? 'selected' : ''}>${p.name}</option>`)}
      </select>
    </div>
    <div class="utrecht-form-field">
      <label class="utrecht-form-label" for="kind">${t('directory.kind')}</label>
      <select class="utrecht-select utrecht-select--html-select" id="kind" name="kind">
        <option value="">${t('directory.allKinds')}</option>
        ${kinds.map((k) => html`<option value="${k}" ${k === data.kind ? 'selected' : ''}>${coreMessage(ctx.locale, `kind.${k}`)}</option>`)}
      </select>
    </div>
    <div class="rk-actions">
      <button type="submit" class="utrecht-button utrecht-button--primary-action">
        ${t('directory.submit')}
      </button>
    </div>
  </form>`;
}

function pager(ctx: PageContext, data: DirectoryData): SafeHtml | '' {
  if (data.pages <= 1) return '';
  const t = organisationsMessage.for(ctx.locale);
  const link = (page: number) =>
    `/organisations?${new URLSearchParams({ q: data.q, province: data.province, kind: data.kind, page: String(page) })}`;
  return html`<nav
    class="rk-pager"
    aria-label="${t('directory.page', { page: data.page, pages: data.pages })}"
  >
    ${data.page > 1 ? html`<a class="utrecht-link" rel="prev" href="${link(data.page - 1)}">${t('directory.previous')}</a>` : ''}
    <span>${t('directory.page', { page: data.page, pages: data.pages })}</span>
    ${data.page < data.pages ? html`<a class="utrecht-link" rel="next" href="${link(data.page + 1)}">${t('directory.next')}</a>` : ''}
  </nav>`;
}

export function directoryPage(ctx: PageContext, data: DirectoryData): string {
  const t = organisationsMessage.for(ctx.locale);
  const provinceName = new Map(data.provinces.map((p) => [p.code, p.name]));
  const count = t.plural('directory.count', data.total);
  const results =
    data.items.length === 0
      ? html`<p class="utrecht-paragraph">${t('directory.none')}</p>`
      : table({
          caption: t('directory.caption'),
          columns: [
            { label: t('column.name') },
            { label: t('column.code') },
            { label: t('column.kind') },
            { label: t('column.province') },
          ],
          rows: data.items.map((o) => ({
            header: html`<a class="utrecht-link" href="/organisations/${o.code}">${o.displayName}</a>`,
            cells: [
              o.code,
              coreMessage(ctx.locale, `kind.${o.kind}`),
              o.provinceCode ? provinceName.get(o.provinceCode) : '',
            ],
          })),
        });
  return renderPage(ctx, {
    title: t('directory.title'),
    nav: 'organisations',
    main: html`<h1 class="utrecht-heading-1">${t('directory.title')}</h1>
      <p class="utrecht-paragraph">${t('directory.intro')}</p>
      ${directoryForm(ctx, data)}
      <p class="utrecht-paragraph" role="status"><strong>${count}</strong></p>
      ${results} ${pager(ctx, data)}`,
  });
}

export interface ProfileData {
  organisation: OrganisationRow;
  provinceName: string | undefined;
  networks: { memberOf: string[]; coordinates: string[] };
  isMember: boolean;
}

function facts(ctx: PageContext, data: ProfileData): SafeHtml {
  const t = organisationsMessage.for(ctx.locale);
  const o = data.organisation;
  const row = (label: string, value: string) =>
    html`<div class="utrecht-data-list__item">
      <dt class="utrecht-data-list__item-key">${label}</dt>
      <dd class="utrecht-data-list__item-value">${value}</dd>
    </div>`;
  return html`<dl class="utrecht-data-list utrecht-data-list--rows">
    ${o.name !== o.displayName ? row(t('profile.officialName'), o.name) : ''}
    ${row(t('profile.code'), o.code)} ${row(t('profile.kind'), coreMessage(ctx.locale, `kind.${o.kind}`))}
    ${data.provinceName ? row(t('profile.province'), data.provinceName) : ''}
    ${row(t('profile.networks'), data.networks.memberOf.join(', ') || t('profile.none'))}
    ${data.networks.coordinates.length > 0 ? row(t('profile.coordinates'), data.networks.coordinates.join(', ')) : ''}
  </dl>`;
}

export function profilePage(ctx: PageContext, data: ProfileData): string {
  const t = organisationsMessage.for(ctx.locale);
  const o = data.organisation;
  return renderPage(ctx, {
    title: o.displayName,
    nav: 'organisations',
    breadcrumbs: [{ href: '/organisations', label: t('directory.title') }],
    main: html`<h1 class="utrecht-heading-1">${o.displayName}</h1>
      ${facts(ctx, data)}
      ${
        data.isMember
          ? html`<p class="utrecht-paragraph">
              <a class="utrecht-link" href="/o/${o.code}"
                >${t('profile.goToDashboard', { organisation: o.displayName })}</a
              >
            </p>`
          : ''
      }`,
  });
}

export interface DashboardData {
  organisation: OrganisationScope;
  profile: ProfileData;
  state: DashboardState;
  notice: string | undefined;
  /** The latest submitted scan scores connectivity at level 1–2: the Brigade is offered. */
  offersBrigade?: boolean;
}

export function dashboardPage(ctx: PageContext, data: DashboardData): string {
  const t = organisationsMessage.for(ctx.locale);
  const o = data.organisation;
  const role = coreMessage(ctx.locale, `role.${o.role}`).toLowerCase();
  return renderPage(ctx, {
    title: t('dashboard.title', { organisation: o.displayName }),
    nav: 'dashboard',
    main: html`<h1 class="utrecht-heading-1">${t('dashboard.title', { organisation: o.displayName })}</h1>
      ${data.notice ? alert('ok', html`<p class="utrecht-paragraph">${data.notice}</p>`) : ''}
      <p class="utrecht-paragraph">${t('dashboard.role', { role })}</p>
      ${data.offersBrigade ? brigadeScanOffer(ctx.locale, o.code) : ''} ${nextSteps(ctx, o, data.state)}
      <section aria-labelledby="about-heading">
        <h2 class="utrecht-heading-2" id="about-heading">
          ${t('dashboard.about', { organisation: o.displayName })}
        </h2>
        ${facts(ctx, data.profile)}
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="/o/${o.code}/members">${t('dashboard.members')}</a>
        </p>
      </section>`,
  });
}

export function noMembershipPage(ctx: PageContext): string {
  const t = organisationsMessage.for(ctx.locale);
  return renderPage(ctx, {
    title: t('dashboard.noMembership.title'),
    nav: 'dashboard',
    main: html`<h1 class="utrecht-heading-1">${t('dashboard.noMembership.title')}</h1>
      <p class="utrecht-paragraph">${t('dashboard.noMembership')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/organisations">${t('directory.title')}</a>
      </p>`,
  });
}
