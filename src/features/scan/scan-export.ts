import { inArray } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import type { Db } from '../../core/db/database.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import type { WorkbookCell } from '../../core/render/workbook.ts';
import { getFramework, localise } from '../framework/index.ts';
import { scanExportMessage } from './scan-export.messages.ts';
import { scanMessage } from './scan.messages.ts';
import { answersOf, consensusOf, type ScanRow } from './scan.queries.ts';
import { resultsOf } from './scan-results.ts';

export interface ScanExportTables {
  /** Every respondent's answer and the agreed answer, one row each. */
  answers: WorkbookCell[][];
  /** The scores per theme, per pillar and overall, one row each. */
  scores: WorkbookCell[][];
}

const answerColumns = [
  'pillarKey',
  'pillar',
  'themeKey',
  'theme',
  'questionId',
  'question',
  'answeredBy',
  'answer',
  'currentLevel',
  'targetLevel',
  'note',
  'evidence',
] as const;
const scoreColumns = ['kindKey', 'kind', 'key', 'title', 'score', 'target', 'answered', 'questions'] as const;

/**
 * The scan as two tables, each with one header row (RFC 4180: a CSV file is one table): the
 * answers and the scores. Labels are in the chosen language; the framework's stable keys sit in
 * columns of their own, so a data tool can join on them whatever the language of the file.
 */
export async function scanExportTables(db: Db, scan: ScanRow, locale: Locale): Promise<ScanExportTables> {
  const framework = getFramework(scan.frameworkVersion);
  const [individual, agreed, results] = await Promise.all([
    answersOf(db, scan.id),
    consensusOf(db, scan.id),
    resultsOf(db, scan),
  ]);
  const ids = [...new Set(individual.map((a) => a.userId))];
  const names = new Map(
    ids.length
      ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).map(
          (u) => [u.id, u.name],
        )
      : [],
  );
  const t = scanExportMessage.for(locale);
  const agreedLabel = scanMessage(locale, 'consensus.agreed');
  const pillarTitle = (key: string) =>
    localise(framework.pillars.find((p) => p.id === key)?.title ?? { nl: key, en: key }, locale);
  const themeTitle = (key: string) =>
    localise(framework.themes.find((th) => th.id === key)?.title ?? { nl: key, en: key }, locale);

  const answers: WorkbookCell[][] = [answerColumns.map((c) => t(`answers.${c}`))];
  for (const theme of framework.themes) {
    for (const q of theme.questions) {
      const rows = [
        ...individual
          .filter((a) => a.questionId === q.id)
          .map((a) => ({ ...a, who: names.get(a.userId) ?? '' })),
        ...agreed.filter((a) => a.questionId === q.id).map((a) => ({ ...a, who: agreedLabel })),
      ];
      for (const a of rows)
        answers.push([
          theme.pillar,
          pillarTitle(theme.pillar),
          theme.id,
          localise(theme.title, locale),
          q.id,
          localise(q.text, locale),
          a.who,
          a.response,
          a.currentLevel,
          a.targetLevel,
          a.note,
          a.evidence.join(' '),
        ]);
    }
  }

  const scores: WorkbookCell[][] = [scoreColumns.map((c) => t(`scores.${c}`))];
  const scoreRow = (kind: 'theme' | 'pillar' | 'overall', key: string, title: string, s: Score) =>
    scores.push([kind, t(`kind.${kind}`), key, title, s.score, s.target, s.answered, s.questions]);
  for (const s of results.themes) scoreRow('theme', s.key, themeTitle(s.key), s);
  for (const s of results.pillars) scoreRow('pillar', s.key, pillarTitle(s.key), s);
  scoreRow('overall', 'all', t('kind.overall'), results.overall);
  return { answers, scores };
}

interface Score {
  score: number | null;
  target: number | null;
  answered: number;
  questions: number;
}
