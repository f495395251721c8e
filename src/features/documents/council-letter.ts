import type { OrganisationKind } from '../../core/db/core.tables.ts';
import {
  formatCalendarDay,
  formatEuros,
  formatInteger,
  formatQuarterOf,
  type Translate,
} from '../../core/i18n/i18n.ts';
import type { ActionStatus, BudgetKind, Quarter } from '../strategy/index.ts';
import type { LetterChange } from './council-letter-changes.ts';
import { councilLetterMessage, type CouncilLetterMessageKey } from './council-letter.messages.ts';
import type { DocumentBlock, DocumentLocale, DocumentSection, LetterModel } from './document.model.ts';
import { pageLabel } from './scan-document.ts';

/**
 * The council letter on the strategy's progress (raadsinformatiebrief), as plain data: loaded and
 * localised when it is drafted, kept with the letter (council_letters.content), and laid out here, so
 * that its DOCX, PDF and ODT say the same, also when one is made later. Days are yyyy-mm-dd.
 */
export interface LetterAction {
  id: number;
  title: string;
  pillar: string;
  start: Quarter;
  end: Quarter;
  status: ActionStatus;
  progress: number;
  budgetCents: number | null;
  budgetKind: BudgetKind | null;
}

export interface CouncilLetterData {
  locale: DocumentLocale;
  organisation: { name: string; shortName: string; kind: OrganisationKind };
  strategy: { title: string; startYear: number; endYear: number; versionNumber: number };
  /** The first and the last day the letter covers (the last is the day it was drafted). */
  period: { start: string; end: string };
  /** The day of the previous letter, if there was one. */
  previousLetterOn: string | null;
  pillars: { id: string; number: number; title: string }[];
  actions: LetterAction[];
  changes: LetterChange[];
}

type T = Translate<CouncilLetterMessageKey>;

const quarterIndex = (q: Quarter) => q.year * 4 + q.quarter - 1;

/** Behind schedule: its last quarter has passed before the quarter of the letter, and it is not finished. */
export function isOverdue(action: LetterAction, today: string): boolean {
  const [year = 0, month = 1] = today.split('-').map(Number);
  const now = year * 4 + Math.floor((month - 1) / 3);
  return quarterIndex(action.end) < now && action.status !== 'done' && action.status !== 'stopped';
}

function statusText(t: T, action: LetterAction, today: string): string {
  const status = t(`status.${action.status}`);
  return isOverdue(action, today) ? t('status.overdue', { status }) : status;
}

function budgetText(data: CouncilLetterData, t: T, a: LetterAction): string {
  if (a.budgetCents === null) return '–';
  const amount = formatEuros(data.locale, a.budgetCents);
  return a.budgetKind ? `${amount} (${t(`budget.${a.budgetKind}`)})` : amount;
}

function changeText(data: CouncilLetterData, t: T, change: LetterChange | undefined): string {
  if (!change) return '';
  if (change.addedOn) return t('change.new');
  if (!change.status) return '';
  if (change.status.after === 'done') return t('change.done');
  const from = change.status.before ? t(`status.${change.status.before}`).toLowerCase() : '';
  return t('change.status', { from, to: t(`status.${change.status.after}`).toLowerCase() });
}

const day = (data: CouncilLetterData, iso: string) => formatCalendarDay(data.locale, iso);

function counts(actions: LetterAction[], today: string) {
  const of = (status: ActionStatus) => actions.filter((a) => a.status === status).length;
  return {
    all: actions.length,
    done: of('done'),
    running: of('running'),
    planned: of('planned'),
    other: of('paused') + of('stopped'),
    overdue: actions.filter((a) => isOverdue(a, today)).length,
  };
}

function introduction(data: CouncilLetterData, t: T): DocumentSection {
  const { strategy, period, locale } = data;
  const n = (value: number) => formatInteger(locale, value);
  const c = counts(data.actions, period.end);
  const added = data.changes.filter((ch) => ch.addedOn).length;
  const done = data.changes.filter((ch) => ch.status?.after === 'done').length;
  const changed = data.changes.filter((ch) => !ch.addedOn && ch.status && ch.status.after !== 'done').length;
  const blocks: DocumentBlock[] = [
    {
      kind: 'paragraph',
      text: t(`intro.purpose.${data.organisation.kind}`, {
        strategy: strategy.title,
        start: day(data, period.start),
        end: day(data, period.end),
      }),
    },
    {
      kind: 'paragraph',
      text: t.plural('intro.counts', c.all, {
        done: n(c.done),
        running: n(c.running),
        planned: n(c.planned),
      }),
    },
  ];
  if (c.overdue > 0)
    blocks.push({ kind: 'paragraph', text: t.plural('intro.overdue', c.overdue, { count: n(c.overdue) }) });
  blocks.push({
    kind: 'paragraph',
    text:
      added + done + changed === 0
        ? t('intro.noChanges', { start: day(data, period.start) })
        : t('intro.changes', {
            start: day(data, period.start),
            added: t.plural('intro.added', added),
            done: t.plural('intro.done', done),
            changed: t.plural('intro.changed', changed),
          }),
  });
  if (data.previousLetterOn)
    blocks.push({ kind: 'paragraph', text: t('intro.previous', { date: day(data, data.previousLetterOn) }) });
  return { heading: t('heading.core'), blocks };
}

function progress(data: CouncilLetterData, t: T): DocumentSection {
  const { locale, period } = data;
  const n = (value: number) => formatInteger(locale, value);
  const changeOf = new Map(data.changes.flatMap((c) => (c.actionId === null ? [] : [[c.actionId, c]])));
  const summary: DocumentBlock = {
    kind: 'table',
    caption: t('summary.caption'),
    hasRowHeaders: true,
    columns: [
      { label: t('col.pillar') },
      { label: t('col.actions'), isNumeric: true },
      { label: t('col.done'), isNumeric: true },
      { label: t('col.running'), isNumeric: true },
      { label: t('col.planned'), isNumeric: true },
      { label: t('col.overdue'), isNumeric: true },
      { label: t('col.budget'), isNumeric: true },
    ],
    rows: data.pillars.map((pillar) => {
      const own = data.actions.filter((a) => a.pillar === pillar.id);
      const c = counts(own, period.end);
      // The sum of the budgets that are known; a dash, as in the action rows, when none is.
      const known = own.filter((a) => a.budgetCents !== null);
      const budget = known.reduce((sum, a) => sum + (a.budgetCents ?? 0), 0);
      return [
        `${pillar.number}. ${pillar.title}`,
        ...[c.all, c.done, c.running, c.planned, c.overdue].map(n),
        known.length === 0 ? '–' : formatEuros(locale, budget),
      ];
    }),
  };
  const perPillar = data.pillars.flatMap((pillar): DocumentBlock[] => {
    const own = data.actions.filter((a) => a.pillar === pillar.id);
    const heading: DocumentBlock = { kind: 'heading', level: 2, text: `${pillar.number}. ${pillar.title}` };
    if (own.length === 0) return [heading, { kind: 'paragraph', text: t('pillar.empty') }];
    return [
      heading,
      {
        kind: 'table',
        caption: t('pillar.caption', { pillar: pillar.title }),
        hasRowHeaders: true,
        columns: [
          { label: t('col.action') },
          { label: t('col.period') },
          { label: t('col.status') },
          { label: t('col.progress'), isNumeric: true },
          { label: t('col.budget'), isNumeric: true },
          { label: t('col.change') },
        ],
        rows: own.map((a) => [
          a.title,
          `${formatQuarterOf(locale, a.start)} – ${formatQuarterOf(locale, a.end)}`,
          statusText(t, a, period.end),
          `${formatInteger(locale, a.progress)}%`,
          budgetText(data, t, a),
          changeText(data, t, changeOf.get(a.id)),
        ]),
      },
    ];
  });
  return {
    heading: t('heading.progress'),
    blocks: [
      { kind: 'paragraph', text: t('progress.intro', { start: day(data, period.start) }) },
      summary,
      ...perPillar,
    ],
  };
}

function changes(data: CouncilLetterData, t: T): DocumentSection {
  const pillarOf = new Map(data.actions.map((a) => [a.id, a.pillar]));
  const pillarTitle = (c: LetterChange) =>
    data.pillars.find((p) => p.id === pillarOf.get(c.actionId ?? -1))?.title ?? '';
  const list = (heading: string, items: string[]): DocumentBlock[] =>
    items.length === 0
      ? []
      : [
          { kind: 'heading', level: 2, text: heading },
          { kind: 'list', items },
        ];
  const added = data.changes.filter((c) => c.addedOn);
  const done = data.changes.filter((c) => !c.addedOn && c.status?.after === 'done');
  const other = data.changes.filter((c) => !c.addedOn && c.status && c.status.after !== 'done');
  const removed = data.changes.filter((c) => c.removedOn);
  const blocks = [
    ...list(
      t('changes.added'),
      added.map((c) =>
        t('changes.addedItem', {
          title: c.title,
          pillar: pillarTitle(c),
          status: c.status ? t(`status.${c.status.after}`).toLowerCase() : '',
          date: day(data, c.addedOn ?? data.period.end),
        }),
      ),
    ),
    ...list(
      t('changes.done'),
      done.map((c) =>
        t('changes.doneItem', { title: c.title, date: day(data, c.status?.on ?? data.period.end) }),
      ),
    ),
    ...list(
      t('changes.status'),
      other.map((c) =>
        t('changes.statusItem', {
          title: c.title,
          from: c.status?.before ? t(`status.${c.status.before}`).toLowerCase() : '',
          to: c.status ? t(`status.${c.status.after}`).toLowerCase() : '',
          date: day(data, c.status?.on ?? data.period.end),
        }),
      ),
    ),
    ...list(
      t('changes.removed'),
      removed.map((c) =>
        t('changes.removedItem', { title: c.title, date: day(data, c.removedOn ?? data.period.end) }),
      ),
    ),
  ];
  return {
    heading: t('heading.changes', { start: day(data, data.period.start) }),
    blocks: blocks.length > 0 ? blocks : [{ kind: 'paragraph', text: t('changes.none') }],
  };
}

export function councilLetterDocument(data: CouncilLetterData): LetterModel {
  const t = councilLetterMessage.for(data.locale);
  const { kind, name, shortName } = data.organisation;
  const date = day(data, data.period.end);
  const subject = t('letter.subject', { strategy: data.strategy.title });
  return {
    layout: 'letter',
    locale: data.locale,
    title: t('letter.title', { date }),
    subject,
    organisation: name,
    letter: {
      heading: t('letter.heading'),
      facts: [
        { label: t('letter.to'), value: t(`addressee.${kind}`) },
        { label: t('letter.date'), value: date },
        { label: t('letter.subjectLabel'), value: subject },
        {
          label: t('letter.period'),
          value: t('letter.periodValue', { start: day(data, data.period.start), end: date }),
        },
      ],
      salutation: t(`salutation.${kind}`),
      closing: [
        t('closing.greeting'),
        t(`closing.sender.${kind}`, { name: shortName }),
        t(`closing.signs.${kind}`),
      ],
    },
    pageLabel: pageLabel(data.locale),
    versionLabel: t('letter.footer', { date }),
    sections: [
      introduction(data, t),
      progress(data, t),
      changes(data, t),
      { heading: t('heading.next'), blocks: [{ kind: 'paragraph', text: t(`next.${kind}`) }] },
    ],
  };
}
