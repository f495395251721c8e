import type { OrganisationScope } from '../../core/http/context.ts';
import { hasRole } from '../../core/http/access.ts';
import { formatInteger, formatQuarterOf, pluralForm } from '../../core/i18n/i18n.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import type { PageContext } from '../../core/render/layout.ts';
import { localise } from '../framework/index.ts';
import type { DashboardState } from './dashboard.queries.ts';
import { organisationsMessage } from './organisations.messages.ts';

interface Step {
  text: SafeHtml | string;
  href: string;
  link: string;
}

/** What to do next, in the order of the handreiking, from the organisation's own data. */
export function nextStepsOf(ctx: PageContext, o: OrganisationScope, state: DashboardState): Step[] {
  const t = organisationsMessage.for(ctx.locale);
  const base = `/o/${o.code}`;
  const count = (n: number) => formatInteger(ctx.locale, n);
  const steps: Step[] = [];
  if (state.memberCount < 2 && hasRole(o.role, 'admin'))
    steps.push({ text: t('next.team'), href: `${base}/members`, link: t('next.teamLink') });
  if (state.openScan) {
    const s = state.openScan;
    steps.push({
      text: t('next.scanOpen', {
        title: s.title,
        answered: count(s.answered),
        questions: count(s.questions),
      }),
      href: `${base}/scans/${s.id}`,
      link: s.answered < s.questions ? t('next.scanAnswerLink') : t('next.scanOverviewLink'),
    });
  } else if (!state.hasSubmittedScan)
    steps.push({ text: t('next.scanNone'), href: `${base}/scans`, link: t('next.scanStartLink') });
  if (!state.strategy) {
    if (state.hasSubmittedScan)
      steps.push({ text: t('next.strategyNone'), href: `${base}/strategy`, link: t('next.strategyLink') });
  } else {
    for (const pillar of state.strategy.pillarsWithoutActions)
      steps.push({
        text: t('next.pillarEmpty', { pillar: localise(pillar, ctx.locale) }),
        href: `${base}/strategy`,
        link: t('next.strategyLink'),
      });
    const overdue = state.strategy.overdue;
    if (overdue.length > 0) {
      const first = overdue[0];
      steps.push({
        text: t(`next.overdue.${pluralForm(ctx.locale, overdue.length)}`, {
          count: count(overdue.length),
          title: first?.title ?? '',
          quarter: first ? formatQuarterOf(ctx.locale, first.end) : '',
        }),
        href: `${base}/strategy`,
        link: t('next.overdueLink'),
      });
    }
  }
  if (state.hasSubmittedScan)
    steps.push({ text: t('next.compare'), href: `${base}/benchmark`, link: t('next.compareLink') });
  return steps;
}

export function nextSteps(ctx: PageContext, o: OrganisationScope, state: DashboardState): SafeHtml {
  const t = organisationsMessage.for(ctx.locale);
  const steps = nextStepsOf(ctx, o, state);
  return html`<section aria-labelledby="next-heading" class="rk-card">
    <h2 class="utrecht-heading-2" id="next-heading">${t('next.heading')}</h2>
    <ol class="utrecht-ordered-list rk-steps">
      ${steps.map((s) => html`<li>${s.text} <a class="utrecht-link" href="${s.href}">${s.link}</a></li>`)}
    </ol>
    <p class="utrecht-paragraph">
      ${t(`next.team.${pluralForm(ctx.locale, state.memberCount)}`, {
        count: formatInteger(ctx.locale, state.memberCount),
      })}
      <a class="utrecht-link" href="/o/${o.code}/members">${t('dashboard.step.teamDone')}</a>
    </p>
  </section>`;
}
