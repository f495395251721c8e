import { networkCodes } from '../../core/db/reference-data.ts';
import { formatCalendarDay, formatDateTime } from '../../core/i18n/i18n.ts';
import { table } from '../../core/render/components.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { intakeMessage } from '../intake/index.ts';
import { optionLabel } from '../registries/index.ts';
import { ageInDays, type MemberParticipation } from './workspace-figures.ts';
import { choropleth } from './workspace-map.views.ts';
import { defaultPeriodValues } from './report-period.ts';
import { reportSection } from './report.views.ts';
import { brigadeSection, maturitySection } from './workspace-sections.views.ts';
import type { WorkspaceData } from './workspace.service.ts';
import { workspaceMessage } from './workspace.messages.ts';

type T = ReturnType<typeof workspaceMessage.for>;

function ageText(t: T, days: number): string {
  if (days === 0) return t('attention.ageToday');
  return days === 1 ? t('attention.ageOne') : t('attention.age', { days });
}

function group(title: string, items: SafeHtml[], extra: SafeHtml | '' = ''): SafeHtml | '' {
  if (items.length === 0) return '';
  return html`<h3 class="utrecht-heading-3">${title}</h3>
    <ul class="utrecht-unordered-list">
      ${items}
    </ul>
    ${extra}`;
}

function attentionSection(ctx: PageContext, d: WorkspaceData): SafeHtml {
  const t = workspaceMessage.for(ctx.locale);
  const it = intakeMessage.for(ctx.locale);
  const code = d.network.code;
  const names = new Map(d.members.map((m) => [m.id, m.name]));
  const { cases, requests, sessions, opportunities } = d.attention;
  const caseItems = cases.map((c) => {
    const text = t('attention.case', {
      id: c.id,
      organisation: names.get(c.organisationId) ?? '',
      category: it(`category.${c.category}`),
      age: ageText(t, ageInDays(c.createdAt, d.now)),
    });
    const scan = c.isFromScan ? html` <strong class="rk-badge">${t('attention.fromScan')}</strong>` : '';
    return d.canOpenCases
      ? html`<li>
          <a class="utrecht-link" href="/networks/zuid-holland/brigade/${c.id}">${text}</a>${scan}
        </li>`
      : html`<li>${text}${scan}</li>`;
  });
  const requestLink = d.canOpenCases
    ? html`<p class="utrecht-paragraph">
        <a class="utrecht-link" href="/networks/zuid-holland/intake/requests"
          >${t('attention.requestsLink')}</a
        >
      </p>`
    : html`<p class="utrecht-paragraph">${t('attention.noLink')}</p>`;
  const requestItems = requests.map(
    (r) =>
      html`<li>
        ${formatDateTime(ctx.locale, r.createdAt)} (${ageText(t, ageInDays(r.createdAt, d.now))})
      </li>`,
  );
  const sessionItems = sessions.map((s) => {
    const text = t('attention.session', {
      title: s.title,
      date: formatDateTime(ctx.locale, s.startsAt),
      confirmed: s.confirmed,
      capacity: s.capacity,
    });
    const full =
      s.confirmed >= s.capacity ? html` <strong class="rk-badge">${t('attention.full')}</strong>` : '';
    return html`<li>
      <a class="utrecht-link" href="/networks/${code}/sessions/${s.id}">${text}</a>${full}
    </li>`;
  });
  const contractItems = opportunities.map(
    (o) =>
      html`<li>
        <a class="utrecht-link" href="/networks/${code}/contracts"
          >${t('attention.contract', {
            category: optionLabel(ctx.locale, 'subject_category', o.subjectCategory),
            count: o.contracts.length,
            from: formatCalendarDay(ctx.locale, o.from),
            to: formatCalendarDay(ctx.locale, o.to),
          })}</a
        >
      </li>`,
  );
  const isEmpty = cases.length + requests.length + sessions.length + opportunities.length === 0;
  return html`<section aria-labelledby="attention-heading">
    <h2 class="utrecht-heading-2" id="attention-heading">${t('attention.title')}</h2>
    ${isEmpty ? html`<p class="utrecht-paragraph">${t('attention.none')}</p>` : ''}
    ${group(t('attention.cases', { count: cases.length }), caseItems)}
    ${group(t('attention.requests', { count: requests.length }), requestItems, requestLink)}
    ${group(t('attention.sessions', { count: sessions.length }), sessionItems)}
    ${group(t('attention.contracts', { count: opportunities.length }), contractItems)}
  </section>`;
}

/** Colour per participation step: a sequential green scale, lightest for "not active yet". */
export const stepFills = ['#ffffff', '#e5f5e0', '#c7e9c0', '#74c476', '#31a354', '#006d2c'];

function scanText(t: T, p: MemberParticipation): string {
  if (!p.scan) return t('participation.no');
  return t(p.scan.status === 'submitted' ? 'participation.submitted' : 'participation.draft', {
    period: p.scan.period,
  });
}

function participationSection(ctx: PageContext, d: WorkspaceData): SafeHtml {
  const t = workspaceMessage.for(ctx.locale);
  const yesNo = (b: boolean) => t(b ? 'participation.yes' : 'participation.no');
  const stepLabel = (step: number) => t(`step.${step as 0 | 1 | 2 | 3 | 4 | 5}`);
  const map = choropleth({
    id: 'participation-map',
    title: t('participation.mapTitle'),
    description: t('participation.mapDesc', { count: d.members.length }),
    legendTitle: t('map.legend'),
    classes: stepFills.map((fill, step) => ({ key: String(step), label: stepLabel(step), fill })),
    areas: d.participation.map((p) => ({
      code: p.member.code,
      name: p.member.name,
      href: `/organisations/${p.member.code}`,
      classKey: String(p.step),
      valueLabel: stepLabel(p.step),
    })),
    areaLabel: (a) => t('map.area', { name: a.name, value: a.valueLabel }),
  });
  return html`<section aria-labelledby="participation-heading">
    <h2 class="utrecht-heading-2" id="participation-heading">${t('participation.title')}</h2>
    <p class="utrecht-paragraph">${t('participation.intro')}</p>
    ${map}
    ${table({
      caption: t('participation.caption'),
      columns: [
        { label: t('participation.member') },
        { label: t('participation.team') },
        { label: t('participation.scan') },
        { label: t('participation.strategy') },
        { label: t('participation.roadmap') },
      ],
      rows: d.participation.map((p) => ({
        header: p.member.name,
        cells: [
          p.teamSize > 0 ? t('participation.teamCount', { count: p.teamSize }) : t('participation.no'),
          scanText(t, p),
          yesNo(p.hasStrategy),
          yesNo(p.hasSharedRoadmap),
        ],
      })),
    })}
  </section>`;
}

function workSection(ctx: PageContext, code: string): SafeHtml {
  const t = workspaceMessage.for(ctx.locale);
  const links: [string, string][] = [
    ['benchmark', t('work.benchmark')],
    ['sessions', t('work.sessions')],
    ['opportunities', t('work.opportunities')],
    ['roadmap', t('work.roadmap')],
    ['contracts', t('work.contracts')],
  ];
  // The handreiking and the Brigade are the province's services.
  if (code === networkCodes.zuidHolland) links.push(['intake', t('work.intake')]);
  return html`<section aria-labelledby="work-heading">
    <h2 class="utrecht-heading-2" id="work-heading">${t('work.title')}</h2>
    <ul class="utrecht-unordered-list">
      ${links.map(
        ([path, label]) =>
          html`<li><a class="utrecht-link" href="/networks/${code}/${path}">${label}</a></li>`,
      )}
    </ul>
  </section>`;
}

export function workspacePage(ctx: PageContext, d: WorkspaceData, pillar: string | undefined): string {
  const t = workspaceMessage.for(ctx.locale);
  const { name, code } = d.network;
  return renderPage(ctx, {
    title: t('title', { name }),
    nav: 'region',
    breadcrumbs: [{ href: '/networks', label: t('crumb') }],
    main: html`<h1 class="utrecht-heading-1">${t('title', { name })}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">${t('lead', { name, count: d.members.length })}</p>
      ${attentionSection(ctx, d)} ${participationSection(ctx, d)} ${maturitySection(ctx, d, pillar)}
      ${brigadeSection(ctx, d)}
      ${reportSection(ctx, code, { ...defaultPeriodValues(d.now), language: ctx.locale }, d.now)}
      ${workSection(ctx, code)}`,
  });
}
