import type { Db } from '../../core/db/database.ts';
import { getFramework } from '../framework/index.ts';
import { latestSubmittedScan } from '../scan/index.ts';
import { registryFactsForDocument } from '../registries/index.ts';
import type { RoadmapInput } from '../roadmap/index.ts';
import { loadRoadmapInput, type Strategy } from '../strategy/index.ts';
import type { DocumentLocale } from './document.model.ts';
import { benchmarkPositionOf, loadScan } from './scan-document-data.ts';
import type { StrategyDocumentData } from './strategy-document.ts';
import { isoDayInAmsterdam } from '../../core/i18n/i18n.ts';

async function roadmapInputOf(db: Db, organisationId: number, locale: DocumentLocale, createdAt: Date) {
  const input = await loadRoadmapInput(db, organisationId, locale, isoDayInAmsterdam(createdAt));
  if (!input || input.actions.length === 0) return undefined;
  return input;
}

/**
 * What the strategy document shows, as plain data; the roadmap image is drawn from `roadmap` later,
 * in the worker pool, since drawing it takes seconds (`buildDocumentFile`).
 */
export type StrategyDocumentInputs = Omit<StrategyDocumentData, 'roadmap'> & {
  roadmap: RoadmapInput | undefined;
};

/** Everything the strategy document shows, loaded for one language. */
export async function loadStrategyDocumentData(
  db: Db,
  input: {
    organisationId: number;
    organisationName: string;
    strategy: Strategy;
    locale: DocumentLocale;
    version: number;
    createdAt: Date;
  },
): Promise<StrategyDocumentInputs> {
  const { organisationId, locale } = input;
  // The strategy document reports on the latest submitted scan.
  const latest = await latestSubmittedScan(db, organisationId);
  const scan = latest && (await loadScan(db, organisationId, latest.id));
  return {
    locale,
    organisationName: input.organisationName,
    strategy: input.strategy,
    framework: getFramework(input.strategy.frameworkVersion),
    scan: scan && { facts: scan.facts, results: scan.results, framework: scan.framework, tasks: scan.tasks },
    benchmark: scan && (await benchmarkPositionOf(db, organisationId, scan, locale)),
    roadmap: await roadmapInputOf(db, organisationId, locale, input.createdAt),
    registryFacts: (await registryFactsForDocument(db, organisationId, locale)).map((r) => ({
      heading: r.heading,
      facts: r.facts,
    })),
    version: input.version,
    createdAt: input.createdAt,
  };
}
