import { formatCalendarDay, formatDecimal } from '../../core/i18n/i18n.ts';
import { alert, button, csrfField, table } from '../../core/render/components.ts';
import {
  numberField,
  selectField,
  textField,
  textAreaField,
  typedField,
} from '../../core/render/form-fields.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import type { PageContext } from '../../core/render/layout.ts';
import { casesMessage } from './cases.messages.ts';
import { dayBudget, hoursPerDay, warningDays } from './cases-rules.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';
import type { caseDays } from './cases.queries.ts';

/** The time logged on a question: the advisory firm's against its 10-day budget, the experts' beside it. */
export function daysSection(
  ctx: PageContext,
  logged: Awaited<ReturnType<typeof caseDays>>,
  daysForm: { values: Record<string, string>; errors: FieldErrors } | undefined,
  base: string,
): SafeHtml {
  const d = { days: logged, daysForm };
  const t = casesMessage.for(ctx.locale);
  const daysOf = (party: string) =>
    d.days.reduce((sum, row) => sum + (row.party === party ? Number(row.hours) : 0), 0) / hoursPerDay;
  const totalDays = daysOf('firm');
  const days = formatDecimal(ctx.locale, totalDays);
  const partyChoices = [
    { value: 'firm', label: t('case.days.party.firm') },
    { value: 'expert', label: t('case.days.party.expert') },
  ];
  const v = d.daysForm?.values ?? {};
  const e = d.daysForm?.errors ?? {};
  const unitChoices = [
    { value: 'hours', label: t('case.days.unit.hours') },
    { value: 'days', label: t('case.days.unit.days') },
  ];
  return html`<h2 class="utrecht-heading-2">${t('case.days')}</h2>
    <p class="utrecht-paragraph"><strong>${t('case.days.total', { days, budget: dayBudget })}</strong></p>
    <p class="utrecht-paragraph">
      ${t('case.days.experts', { days: formatDecimal(ctx.locale, daysOf('expert')) })}
    </p>
    ${totalDays > dayBudget ? alert('warning', html`<p class="utrecht-paragraph">${t('case.days.over', { budget: dayBudget })}</p>`) : totalDays >= warningDays ? alert('warning', html`<p class="utrecht-paragraph">${t('case.days.warning', { days, budget: dayBudget })}</p>`) : ''}
    ${
      d.days.length > 0
        ? table({
            caption: t('case.days.caption'),
            columns: [
              { label: t('case.days.date') },
              { label: t('case.days.person') },
              { label: t('case.days.party') },
              { label: t('col.days'), isNumeric: true },
              { label: t('case.days.what') },
            ],
            rows: d.days.map((row) => ({
              header: formatCalendarDay(ctx.locale, row.workDate),
              cells: [
                row.person,
                t(row.party === 'expert' ? 'case.days.party.expert' : 'case.days.party.firm'),
                formatDecimal(ctx.locale, Number(row.hours) / hoursPerDay),
                html`${row.description}${row.overrunReason ? html`<br /><span class="rk-muted">${t('case.days.reason')}: ${row.overrunReason}</span>` : ''}`,
              ],
            })),
          })
        : ''
    }
    <form method="post" action="${base}/days" class="rk-form">
      ${csrfField(ctx.csrfToken)}
      ${typedField({ name: 'workDate', type: 'date', label: t('case.days.date'), value: v.workDate ?? '', error: e.workDate, locale: ctx.locale })}
      ${textField({ name: 'person', label: t('case.days.person'), value: v.person ?? '', error: e.person, locale: ctx.locale })}
      ${selectField({ name: 'party', label: t('case.days.party'), value: v.party ?? 'firm', choices: partyChoices, locale: ctx.locale })}
      ${numberField({ name: 'amount', label: t('case.days.amount'), value: v.amount ?? '', error: e.amount, rule: { decimals: 2, min: 0, max: 24 }, locale: ctx.locale })}
      ${selectField({ name: 'unit', label: t('case.days.unit'), value: v.unit ?? 'hours', choices: unitChoices, locale: ctx.locale })}
      ${textAreaField({ name: 'description', label: t('case.days.what'), value: v.description ?? '', error: e.description, rows: 3, locale: ctx.locale })}
      ${textAreaField({ name: 'overrunReason', label: t('case.days.reason'), description: t('case.days.reason.hint'), value: v.overrunReason ?? '', error: e.overrunReason, required: false, rows: 2, locale: ctx.locale })}
      ${button(t('case.days.log'), 'secondary')}
    </form>`;
}
