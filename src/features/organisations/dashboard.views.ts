import type { OrganisationScope } from '../../core/http/context.ts';
import { hasRole } from '../../core/http/access.ts';
import { formatCalendarDay, formatDateTime, formatInteger, formatQuarterOf } from '../../core/i18n/i18n.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import type { PageContext } from '../../core/render/layout.ts';
import { localise } from '../framework/index.ts';
import { brigadeCaseLabels } from '../intake/index.ts';
import type { DashboardState } from './dashboard.queries.ts';
import { organisationsMessage } from './organisations.messages.ts';

interface Step {
  text: SafeHtml | string;
  href: string;
  link: string;
}

type Builder = (ctx: PageContext, base: string, state: DashboardState) => Step[];

const scanSteps: Builder = (ctx, base, state) => {
  const t = organisationsMessage.for(ctx.locale);
  const s = state.openScan;
  if (!s) {
    if (state.hasSubmittedScan) return [];
    return [{ text: t('next.scanNone'), href: `${base}/scans`, link: t('next.scanStartLink') }];
  }
  const count = (n: number) => formatInteger(ctx.locale, n);
  const steps: Step[] = [
    {
      text: t('next.scanOpen', {
        title: s.title,
        answered: count(s.answered),
        questions: count(s.questions),
      }),
      href: `${base}/scans/${s.id}`,
      link: s.answered < s.questions ? t('next.scanAnswerLink') : t('next.scanOverviewLink'),
    },
  ];
  if (s.disagreements > 0)
    steps.push({
      text: t.plural('next.disagreements', s.disagreements),
      href: `${base}/scans/${s.id}/consensus`,
      link: t('next.disagreementsLink'),
    });
  return steps;
};

const strategySteps: Builder = (ctx, base, state) => {
  const t = organisationsMessage.for(ctx.locale);
  const strategy = { href: `${base}/strategy`, link: t('next.strategyLink') };
  if (!state.strategy)
    return [
      { ...strategy, text: state.hasSubmittedScan ? t('next.strategyNone') : t('next.strategyNoneYet') },
    ];
  const steps: Step[] = state.strategy.pillarsWithoutActions.map((pillar) => ({
    ...strategy,
    text: t('next.pillarEmpty', { pillar: localise(pillar, ctx.locale) }),
  }));
  const overdue = state.strategy.overdue;
  const [first] = overdue;
  if (first)
    steps.push({
      text: t.plural('next.overdue', overdue.length, {
        title: first.title,
        quarter: formatQuarterOf(ctx.locale, first.end),
      }),
      href: `${base}/strategy`,
      link: t('next.overdueLink'),
    });
  return steps;
};

const contractSteps: Builder = (ctx, base, state) => {
  const t = organisationsMessage.for(ctx.locale);
  const [first] = state.endingContracts;
  if (!first) return [];
  const date = formatCalendarDay(ctx.locale, first.endDate);
  return [
    {
      text: t.plural('next.contracts', state.endingContracts.length, { name: first.name, date }),
      href: `${base}/registers/contracts/expiry`,
      link: t('next.contractsLink'),
    },
  ];
};

const sessionSteps: Builder = (ctx, _base, state) => {
  const t = organisationsMessage.for(ctx.locale);
  return state.sessions.map((s) => {
    const params = { title: s.title, date: formatDateTime(ctx.locale, s.startsAt) };
    return {
      text:
        s.confirmed > 0
          ? t.plural('next.session.confirmed', s.confirmed, params)
          : t.plural('next.session.waiting', s.waiting, params),
      href: `/knowledge/sessions/${s.id}`,
      link: t('next.sessionLink'),
    };
  });
};

const brigadeSteps: Builder = (ctx, base, state) => {
  const t = organisationsMessage.for(ctx.locale);
  return state.brigadeCases.map((c) => ({
    text: t('next.brigade', { id: c.id, ...brigadeCaseLabels(ctx.locale, c) }),
    href: `${base}/brigade/${c.id}`,
    link: t('next.brigadeLink'),
  }));
};

/** What to do next, in the order of the handreiking, from the organisation's own data. */
export function nextStepsOf(ctx: PageContext, o: OrganisationScope, state: DashboardState): Step[] {
  const t = organisationsMessage.for(ctx.locale);
  const base = `/o/${o.code}`;
  const team: Step[] =
    state.memberCount < 2 && hasRole(o.role, 'admin')
      ? [{ text: t('next.team'), href: `${base}/members`, link: t('next.teamLink') }]
      : [];
  const compare: Step[] = state.hasSubmittedScan
    ? [{ text: t('next.compare'), href: `${base}/benchmark`, link: t('next.compareLink') }]
    : [];
  const builders = [scanSteps, strategySteps, contractSteps, sessionSteps, brigadeSteps];
  return [...team, ...builders.flatMap((build) => build(ctx, base, state)), ...compare];
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
      ${t.plural('next.team', state.memberCount)}
      <a class="utrecht-link" href="/o/${o.code}/members">${t('dashboard.step.teamDone')}</a>
    </p>
  </section>`;
}
