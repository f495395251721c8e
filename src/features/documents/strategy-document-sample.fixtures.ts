import { getFramework, latestFrameworkVersion, localise, type Framework } from '../framework/index.ts';
import type { RoadmapInput } from '../roadmap/index.ts';
import { computeResults, type Results } from '../scan/index.ts';
import { generatedAnswers, seededRandom } from '../scan/scan.demo.ts';
import type { Strategy, StrategyAction } from '../strategy/index.ts';
import { sampleActionFields } from '../strategy/strategy-builders.fixtures.ts';
import { documentModel, type DocumentJob } from './document-file.ts';
import type { DocumentModel } from './document.model.ts';

/**
 * A strategy document built without a database: a strategy of N realistic actions (the strategy
 * feature's own sample actions), a scan's results and the roadmap, for the bench and size checks.
 */
function sampleStrategy(framework: Framework, actions: number): Strategy {
  const at = new Date('2026-11-28T12:00:00Z');
  const list: StrategyAction[] = Array.from({ length: actions }, (_, n) => ({
    ...sampleActionFields(framework, n, 2026, 2029),
    id: n + 1,
    strategyId: 1,
    version: 1,
    createdAt: at,
    updatedAt: at,
  }));
  return {
    id: 1,
    organisationId: 1,
    frameworkVersion: framework.version,
    versionNumber: 1,
    status: 'active',
    version: 1,
    createdAt: at,
    updatedAt: at,
    archivedAt: null,
    title: 'Digitaliseringsstrategie 2026–2029',
    startYear: 2026,
    endYear: 2029,
    vision: 'Digitalisering is een **middel**, geen doel.\n\n- Eerst de opgave\n- Dan de techniek',
    tasks: framework.societalTasks.map((t) => ({
      taskId: t.id,
      ambition: `Ambitie voor ${localise(t.title, 'nl')}`,
    })),
    actions: list,
  };
}

function sampleResults(framework: Framework): Results {
  const answers = generatedAnswers(framework, seededRandom(599), 2.6);
  return computeResults(framework, new Map(answers.map((a) => [a.questionId, a])));
}

function sampleRoadmap(framework: Framework, strategy: Strategy): RoadmapInput {
  return {
    locale: 'nl',
    organisationName: 'Rotterdam',
    strategyTitle: strategy.title,
    startYear: strategy.startYear,
    endYear: strategy.endYear,
    pillars: framework.pillars.map((p) => ({ id: p.id, title: localise(p.title, 'nl') })),
    actions: strategy.actions.map((a) => ({
      id: String(a.id),
      title: a.title,
      pillar: a.pillar,
      themeTitle: a.themeId,
      start: a.start,
      end: a.end,
      status: a.status,
      progress: a.progress,
      milestones: a.milestones,
      dependsOn: [],
      warnings: [],
    })),
    today: '2026-11-28',
  };
}

/** What the worker receives for the sample strategy document (`buildDocumentFile`). */
export function sampleStrategyJob(actions: number): DocumentJob {
  const framework = getFramework(latestFrameworkVersion());
  const strategy = sampleStrategy(framework, actions);
  const results = sampleResults(framework);
  return {
    kind: 'strategy',
    data: {
      locale: 'nl',
      organisationName: 'Gemeente Rotterdam',
      strategy,
      framework,
      scan: {
        framework,
        results,
        facts: {
          title: 'Nulmeting 2026',
          period: 2026,
          status: 'submitted',
          frameworkVersion: framework.version,
          date: new Date('2026-10-01T10:00:00Z'),
          respondents: 6,
        },
      },
      benchmark: {
        isShown: true,
        groupLabel: 'Netwerk Metropoolregio Rotterdam Den Haag',
        size: 12,
        period: 2026,
        rows: results.themes.map((s) => ({ label: s.key, own: s.score, median: 2.5, q1: 2, q3: 3 })),
      },
      roadmap: sampleRoadmap(framework, strategy),
      registryFacts: [{ heading: 'Contracten', facts: ['4 van de 9 contracten hebben een exitclausule.'] }],
      version: 1,
      createdAt: new Date('2026-11-28T12:00:00Z'),
    },
  };
}

export function sampleStrategyDocument(actions: number): DocumentModel {
  return documentModel(sampleStrategyJob(actions));
}
