import { eq } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { organisations } from '../../core/db/core.tables.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { partnerKinds, procurementPoints, vngPrinciples } from './registries-fields.ts';
import { registryMessage } from './registries.messages.ts';
import { listEntries, type EntryRow } from './registries.queries.ts';
import { exitReadiness } from './registries-scoring.ts';
import type { RegistryKind } from './registries.tables.ts';

/** The facts of one register, as sentences in the user's language, with where to read more. */
export interface RegistryFacts {
  registry: RegistryKind;
  heading: string;
  facts: string[];
  link: { href: string; label: string };
}

/** Which registers back the answers of a scan theme. */
const registriesOfTheme: Record<string, RegistryKind[]> = {
  'data-ownership': ['contracts', 'data-sources'],
  ethics: ['assessments'],
  'vng-principles': ['assessments'],
  coalitions: ['partnerships'],
  procurement: ['contracts'],
};

const count = (entries: EntryRow[], test: (e: EntryRow) => boolean) => entries.filter(test).length;

function sentences(locale: Locale, registry: RegistryKind, entries: EntryRow[]): string[] {
  const t = registryMessage.for(locale);
  const n = entries.length;
  if (n === 0) return [registryMessage(locale, 'facts.empty')];
  switch (registry) {
    case 'data-sources':
      return [
        t.plural('facts.sources', n, { open: count(entries, (e) => e.data.openness === 'open') }),
        t('facts.sourcesOwned', { count: n, owned: count(entries, (e) => e.data.owner === 'municipality') }),
        t('facts.sourcesReuse', { count: n, reuse: count(entries, (e) => e.data.reuse_allowed === true) }),
      ];
    case 'contracts': {
      const average = Math.round(entries.reduce((sum, e) => sum + exitReadiness(e.data).total, 0) / n);
      const allPoints = (e: EntryRow) => procurementPoints.every((p) => e.data[`procurement_${p}`] === true);
      return [
        t('facts.exitClause', { count: n, with: count(entries, (e) => e.data.exit_clause === true) }),
        t('facts.dataOwner', {
          count: n,
          owned: count(entries, (e) => e.data.data_owner === 'municipality'),
        }),
        t('facts.averageScore', { score: average }),
        t('facts.procurement', { count: n, all: count(entries, allPoints) }),
      ];
    }
    case 'assessments': {
      const personal = entries.filter((e) => e.data.personal_data === true);
      const isDone = (e: EntryRow) =>
        e.data.status === 'done' && (e.data.assessment === 'dpia' || e.data.assessment === 'pia');
      const allPrinciples = (e: EntryRow) => vngPrinciples.every((p) => e.data[`vng_${p}`] === true);
      return [
        t('facts.dpia', { count: personal.length, done: count(personal, isDone) }),
        t('facts.ethics', { count: n, consulted: count(entries, (e) => e.data.ethics_committee === true) }),
        t('facts.vng', { count: n, all: count(entries, allPrinciples) }),
      ];
    }
    case 'partnerships': {
      const kindsOf = (e: EntryRow) =>
        new Set(
          (Array.isArray(e.data.partners) ? e.data.partners : []).map((p) =>
            typeof p !== 'string' && 'kind' in p ? p.kind : '',
          ),
        );
      return [
        t.plural('facts.partnerships', n, { consortia: count(entries, (e) => e.data.form === 'consortium') }),
        t('facts.helix', {
          count: n,
          full: count(entries, (e) => partnerKinds.every((k) => kindsOf(e).has(k))),
        }),
      ];
    }
    case 'algorithms': {
      const linked = (key: string) => (e: EntryRow) => Array.isArray(e.data[key]) && e.data[key].length > 0;
      return [
        t('facts.algorithms', {
          count: n,
          impactful: count(entries, (e) => e.data.publication_category !== 'Overige algoritmes'),
          assessed: count(entries, linked('impact_assessments')),
        }),
      ];
    }
  }
}

async function codeOf(db: Db, organisationId: number): Promise<string> {
  const [row] = await db
    .select({ code: organisations.code })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!row) throw new Error(`no organisation ${organisationId}`);
  return row.code;
}

async function factsOf(
  db: Db,
  organisation: { id: number; code: string },
  registry: RegistryKind,
  locale: Locale,
) {
  const entries = await listEntries(db, organisation.id, registry);
  const name = registryMessage(locale, `register.${registry}`);
  return {
    registry,
    heading: name,
    facts: sentences(locale, registry, entries),
    link: {
      href: `/o/${organisation.code}/registers/${registry}`,
      label: registryMessage(locale, 'facts.link', { register: name.toLowerCase() }),
    },
  };
}

/**
 * The register facts behind a scan theme's answers ("4 van 9 contracten hebben een exitclausule"),
 * or an empty list when no register backs that theme.
 */
export async function registryFactsForTheme(
  db: Db,
  organisationId: number,
  themeId: string,
  locale: Locale,
): Promise<RegistryFacts[]> {
  const registers = registriesOfTheme[themeId] ?? [];
  if (registers.length === 0) return [];
  const organisation = { id: organisationId, code: await codeOf(db, organisationId) };
  return Promise.all(registers.map((registry) => factsOf(db, organisation, registry, locale)));
}

/** The state of the preconditions, register by register, for the strategy document (plain data). */
export async function registryFactsForDocument(
  db: Db,
  organisationId: number,
  locale: Locale,
): Promise<RegistryFacts[]> {
  const organisation = { id: organisationId, code: await codeOf(db, organisationId) };
  const registers: RegistryKind[] = ['data-sources', 'contracts', 'assessments', 'partnerships'];
  return Promise.all(registers.map((registry) => factsOf(db, organisation, registry, locale)));
}

export function factsHeading(locale: Locale): string {
  return registryMessage(locale, 'facts.heading');
}
