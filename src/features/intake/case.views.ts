import { formatCalendarDay, formatDateTime, formatDecimal } from '../../core/i18n/i18n.ts';
import { alert, button, csrfField, table } from '../../core/render/components.ts';
import { selectField, textAreaField } from '../../core/render/form-fields.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { renderRichText } from '../../core/render/rich-text.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';
import { casesMessage } from './cases.messages.ts';
import { isOpen, nextStatus } from './cases-rules.ts';
import type { caseDays, caseTimeline, loadCase, caseAssignmentVersions } from './cases.queries.ts';
import { crumbs } from './coordinator.views.ts';
import { daysSection } from './case-days.views.ts';
import { notice, problem } from './intake-components.ts';
import { intakeMessage } from './intake.messages.ts';
import { caseStatuses } from './intake.tables.ts';

const isIsoDay = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text);

export type LoadedCase = NonNullable<Awaited<ReturnType<typeof loadCase>>>;
export type TimelineEntry = Awaited<ReturnType<typeof caseTimeline>>[number];

export function eventText(ctx: PageContext, e: TimelineEntry, names: Map<number, string>): string {
  const t = casesMessage.for(ctx.locale);
  const d = e.details;
  const status = (value: unknown) =>
    caseStatuses.find((s) => s === value)
      ? t(`status.${caseStatuses.find((s) => s === value) ?? 'new'}`)
      : '';
  switch (e.kind) {
    case 'submitted':
      return t('case.event.submitted');
    case 'status':
      return t('case.event.status', { from: status(d.from), to: status(d.to) });
    case 'assignee':
      return t('case.event.assignee', {
        name:
          typeof d.assigneeUserId === 'number'
            ? (names.get(d.assigneeUserId) ?? '?')
            : t('case.assignee.none'),
      });
    case 'assignment':
      return t('case.event.assignment', { version: String(d.version ?? '') });
    case 'note':
      return t('case.event.note', { text: String(d.text ?? '') });
    case 'days': {
      const p = {
        hours: formatDecimal(ctx.locale, Number(d.hours)),
        date: typeof d.date === 'string' && isIsoDay(d.date) ? formatCalendarDay(ctx.locale, d.date) : '',
        person: String(d.person ?? ''),
        reason: String(d.reason ?? ''),
      };
      return d.reason ? t('case.event.daysReason', p) : t('case.event.days', p);
    }
    case 'anonymised':
      return t('case.event.anonymised');
  }
}

export function timelineTable(
  ctx: PageContext,
  entries: TimelineEntry[],
  names: Map<number, string>,
  caption: string,
): SafeHtml {
  const t = casesMessage.for(ctx.locale);
  return table({
    caption,
    columns: [
      { label: t('case.timeline.when') },
      { label: t('case.timeline.who') },
      { label: t('case.timeline.what') },
    ],
    rows: entries.map((e) => ({
      header: formatDateTime(ctx.locale, e.at),
      cells: [e.actor ?? t('case.event.system'), eventText(ctx, e, names)],
    })),
  });
}

export interface CasePageData {
  network: string;
  loaded: LoadedCase;
  timeline: TimelineEntry[];
  days: Awaited<ReturnType<typeof caseDays>>;
  versions: Awaited<ReturnType<typeof caseAssignmentVersions>>;
  coordinators: { id: number; name: string }[];
  problem?: string | undefined;
  notice?: string | undefined;
  assignmentDraft?: { text: string; theirs?: { text: string; version: number } };
  daysForm?: { values: Record<string, string>; errors: FieldErrors };
  statusText?: { closed: string; declined: string };
}

function detailsSection(ctx: PageContext, c: LoadedCase): SafeHtml {
  const t = casesMessage.for(ctx.locale);
  const i = intakeMessage.for(ctx.locale);
  const x = c.case;
  const contact = x.contactName
    ? `${x.contactName}, ${x.contactEmail ?? ''}${x.contactPhone ? `, ${x.contactPhone}` : ''}`
    : t('case.removed');
  return html`<h2 class="utrecht-heading-2">${t('case.details')}</h2>
    <dl class="rk-compact">
      <dt>${t('case.status')}</dt>
      <dd><strong>${t(`status.${x.status}`)}</strong></dd>
      <dt>${t('case.contact')}</dt>
      <dd>${contact}</dd>
      <dt>${t('case.category')}</dt>
      <dd>${i(`category.${x.category}`)}</dd>
      <dt>${t('case.urgency')}</dt>
      <dd>${i(`urgency.${x.urgency}`)}</dd>
      <dt>${t('case.preference')}</dt>
      <dd>${i(`preference.${x.contactPreference}`)}</dd>
      <dt>${t('case.description')}</dt>
      <dd>${x.description}</dd>
    </dl>`;
}

function workflowSection(ctx: PageContext, d: CasePageData, action: string): SafeHtml {
  const t = casesMessage.for(ctx.locale);
  const x = d.loaded.case;
  if (!isOpen(x.status)) {
    return html`<h2 class="utrecht-heading-2">${t('case.workflow')}</h2>
      <p class="utrecht-paragraph">${t('case.finished')}</p>
      ${
        x.outcome
          ? html`<h3 class="utrecht-heading-3">${t('case.outcome')}</h3>
              ${renderRichText(x.outcome)}
              <p class="utrecht-paragraph">
                <a class="utrecht-link" href="${action.replace(/\/status$/, '/outcome.md')}"
                  >${t('case.exportOutcome')}</a
                >
              </p>`
          : ''
      }
      ${
        x.declineReason
          ? html`<h3 class="utrecht-heading-3">${t('case.declineReason')}</h3>
              <p class="utrecht-paragraph">${x.declineReason}</p>`
          : ''
      }`;
  }
  const next = nextStatus[x.status];
  const expected = html`<input type="hidden" name="expectedStatus" value="${x.status}" />`;
  return html`<h2 class="utrecht-heading-2">${t('case.workflow')}</h2>
    ${
      next
        ? html`<form method="post" action="${action}" class="rk-form">
            ${csrfField(ctx.csrfToken)} ${expected}
            <input type="hidden" name="to" value="${next}" />
            ${next === 'closed' ? textAreaField({ name: 'outcome', label: t('case.outcome'), description: t('case.outcome.hint'), value: d.statusText?.closed ?? '', locale: ctx.locale }) : ''}
            ${button(t('case.next', { status: t(`status.${next}`) }))}
          </form>`
        : ''
    }
    <form method="post" action="${action}" class="rk-form">
      ${csrfField(ctx.csrfToken)} ${expected}
      <input type="hidden" name="to" value="declined" />
      ${textAreaField({ name: 'declineReason', label: t('case.declineReason'), description: t('case.decline.hint'), value: d.statusText?.declined ?? '', rows: 3, locale: ctx.locale })}
      ${button(t('case.decline'), 'secondary')}
    </form>`;
}

function assignmentSection(ctx: PageContext, d: CasePageData, base: string): SafeHtml {
  const t = casesMessage.for(ctx.locale);
  const x = d.loaded.case;
  const theirs = d.assignmentDraft?.theirs;
  return html`<h2 class="utrecht-heading-2">${t('case.assignment')}</h2>
    ${x.assignment ? renderRichText(x.assignment) : html`<p class="utrecht-paragraph">${t('case.assignment.empty')}</p>`}
    ${d.versions.length > 0 ? html`<p class="utrecht-paragraph rk-muted">${t('case.assignment.versions', { list: d.versions.map((v) => `${v.version} (${v.author ?? '?'}, ${formatDateTime(ctx.locale, v.createdAt)})`).join('; ') })}</p>` : ''}
    ${
      theirs
        ? alert(
            'warning',
            html`<p class="utrecht-paragraph">
                ${t('case.assignment.conflict', { version: theirs.version })}
              </p>
              <h3 class="utrecht-heading-3">${t('case.assignment.theirs', { version: theirs.version })}</h3>
              <pre>${theirs.text}</pre>`,
          )
        : ''
    }
    ${
      isOpen(x.status)
        ? html`<form method="post" action="${base}/assignment" class="rk-form">
            ${csrfField(ctx.csrfToken)}
            <input
              type="hidden"
              name="expectedVersion"
              value="${theirs ? theirs.version : x.assignmentVersion}"
            />
            ${textAreaField({ name: 'assignment', label: t('case.assignment'), description: t('case.assignment.hint'), value: d.assignmentDraft?.text ?? x.assignment, rows: 8, locale: ctx.locale })}
            ${button(t('case.assignment.save'), 'secondary')}
          </form>`
        : ''
    }`;
}

export function casePage(ctx: PageContext, d: CasePageData): string {
  const t = casesMessage.for(ctx.locale);
  const x = d.loaded.case;
  const base = `/networks/${d.network}/brigade/${x.id}`;
  const names = new Map(d.coordinators.map((c) => [c.id, c.name]));
  const assigneeChoices = [
    { value: '', label: t('case.assignee.none') },
    ...d.coordinators.map((c) => ({ value: String(c.id), label: c.name })),
  ];
  const notes = d.timeline.filter((e) => e.kind === 'note');
  const title = t('case.title', { id: x.id, organisation: d.loaded.organisation });
  return renderPage(ctx, {
    title,
    nav: 'region',
    breadcrumbs: [
      ...crumbs(ctx, d.network),
      { href: `/networks/${d.network}/brigade`, label: t('cases.title') },
    ],
    main: html`<h1 class="utrecht-heading-1">${title}</h1>
      ${notice(d.notice)} ${problem(d.problem)} ${detailsSection(ctx, d.loaded)}
      ${x.contactEmail ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="/networks/${d.network}/intake/personal-data?${new URLSearchParams({ email: x.contactEmail }).toString()}">${t('delete.title')}</a></p>` : ''}
      ${workflowSection(ctx, d, `${base}/status`)}
      <h2 class="utrecht-heading-2">${t('case.assignee')}</h2>
      <form method="post" action="${base}/assignee" class="rk-form">
        ${csrfField(ctx.csrfToken)}
        ${selectField({ name: 'assignee', label: t('case.assignee'), value: x.assigneeUserId ? String(x.assigneeUserId) : '', choices: assigneeChoices, locale: ctx.locale })}
        ${button(t('case.assignee.save'), 'secondary')}
      </form>
      ${assignmentSection(ctx, d, base)} ${daysSection(ctx, d.days, d.daysForm, base)}
      <h2 class="utrecht-heading-2">${t('case.notes')}</h2>
      <p class="utrecht-paragraph">${t('case.notes.hint')}</p>
      ${
        notes.length > 0
          ? html`<ul class="utrecht-unordered-list">
              ${notes.map((n) => html`<li>${formatDateTime(ctx.locale, n.at)}, ${n.actor ?? ''}: ${String(n.details.text ?? '')}</li>`)}
            </ul>`
          : ''
      }
      <form method="post" action="${base}/notes" class="rk-form">
        ${csrfField(ctx.csrfToken)}
        ${textAreaField({ name: 'note', label: t('case.note'), value: '', rows: 3, locale: ctx.locale })}
        ${button(t('case.note.add'), 'secondary')}
      </form>
      <h2 class="utrecht-heading-2">${t('case.timeline')}</h2>
      ${timelineTable(ctx, d.timeline, names, t('case.timeline.caption'))}`,
  });
}
