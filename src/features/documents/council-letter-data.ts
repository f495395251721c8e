import type { Db } from '../../core/db/database.ts';
import { isoDayInAmsterdam } from '../../core/i18n/i18n.ts';
import { getFramework, localise } from '../framework/index.ts';
import { actionHistorySince, type Strategy } from '../strategy/index.ts';
import { letterChanges } from './council-letter-changes.ts';
import type { CouncilLetterData } from './council-letter.ts';
import type { DocumentLocale } from './document.model.ts';
import { organisationTitle, type DocumentOrganisation } from './documents-build.ts';

/**
 * The first moment of a day in the Netherlands: midnight is 23:00 or 22:00 UTC the day before,
 * depending on summer time.
 */
export function startOfDayInAmsterdam(isoDay: string): Date {
  const utcMidnight = Date.parse(`${isoDay}T00:00:00Z`);
  for (const hours of [2, 1, 0]) {
    const candidate = new Date(utcMidnight - hours * 3_600_000);
    if (isoDayInAmsterdam(candidate) === isoDay) return candidate;
  }
  return new Date(utcMidnight);
}

/** Everything the letter says, loaded for one language: the strategy now and its history since the start. */
export async function loadCouncilLetterData(
  db: Db,
  input: {
    organisation: DocumentOrganisation;
    strategy: Strategy;
    locale: DocumentLocale;
    periodStart: string;
    draftedAt: Date;
    previousLetterOn: string | null;
  },
): Promise<CouncilLetterData> {
  const { organisation, strategy, locale } = input;
  const framework = getFramework(strategy.frameworkVersion);
  const history = await actionHistorySince(db, organisation.id, startOfDayInAmsterdam(input.periodStart));
  return {
    locale,
    organisation: {
      name: organisationTitle(organisation, locale),
      shortName: organisation.displayName,
      kind: organisation.kind,
    },
    strategy: {
      title: strategy.title,
      startYear: strategy.startYear,
      endYear: strategy.endYear,
      versionNumber: strategy.versionNumber,
    },
    period: { start: input.periodStart, end: isoDayInAmsterdam(input.draftedAt) },
    previousLetterOn: input.previousLetterOn,
    pillars: [...framework.pillars]
      .sort((a, b) => a.number - b.number)
      .map((p) => ({ id: p.id, number: p.number, title: localise(p.title, locale) })),
    actions: strategy.actions.map((a) => ({
      id: a.id,
      title: a.title,
      pillar: a.pillar,
      start: a.start,
      end: a.end,
      status: a.status,
      progress: a.progress,
      budgetCents: a.budgetCents,
      budgetKind: a.budgetKind,
    })),
    changes: letterChanges(history, strategy.actions, strategy.id, isoDayInAmsterdam),
  };
}
