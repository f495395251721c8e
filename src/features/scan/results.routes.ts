import type { FastifyInstance, FastifyRequest } from 'fastify';
import { inArray } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import { access } from '../../core/http/access.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import { toCsv } from '../../core/render/csv.ts';
import { pageContext } from '../../core/render/layout.ts';
import { getFramework, localise } from '../framework/index.ts';
import { resultsPage } from './results.views.ts';
import { scanOf, type ScanParams } from './scan-context.ts';
import { scanMessage } from './scan.messages.ts';
import { answersOf, consensusOf, previousSubmittedScan, type ScanRow } from './scan.queries.ts';
import { resultsOf } from './scan-results.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { scanExportMessage } from './scan-export.messages.ts';
import { dbOf } from '../../core/http/context.ts';

type Cell = string | number | null;

/** One sheet of answers (every respondent and the agreed answer) and one of scores, for CSV and XLSX. */
async function exportTables(
  request: FastifyRequest,
  scan: ScanRow,
  locale: Locale,
): Promise<{ answers: Cell[][]; scores: Cell[][] }> {
  const db = dbOf(request);
  const framework = getFramework(scan.frameworkVersion);
  const individual = await answersOf(db, scan.id);
  const agreed = await consensusOf(db, scan.id);
  const ids = [...new Set(individual.map((a) => a.userId))];
  const names = new Map(
    ids.length
      ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).map(
          (u) => [u.id, u.name],
        )
      : [],
  );
  const t = scanExportMessage.for(locale);
  const columns = [
    'pillar',
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
  const header = columns.map((c) => t(`answers.${c}`));
  const agreedLabel = scanMessage(locale, 'consensus.agreed');
  const answers: Cell[][] = [header];
  for (const theme of framework.themes) {
    for (const q of theme.questions) {
      const rows = [
        ...individual
          .filter((a) => a.questionId === q.id)
          .map((a) => ({ ...a, who: names.get(a.userId) ?? '' })),
        ...agreed.filter((a) => a.questionId === q.id).map((a) => ({ ...a, who: agreedLabel })),
      ];
      for (const a of rows) {
        answers.push([
          theme.pillar,
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
  }
  const results = await resultsOf(db, scan);
  const scores: Cell[][] = [
    (['kind', 'key', 'title', 'score', 'target', 'answered', 'questions'] as const).map((c) =>
      t(`scores.${c}`),
    ),
  ];
  for (const s of results.themes)
    scores.push([
      'theme',
      s.key,
      localise(framework.themes.find((t) => t.id === s.key)?.title ?? { nl: s.key, en: s.key }, locale),
      s.score,
      s.target,
      s.answered,
      s.questions,
    ]);
  for (const s of results.pillars)
    scores.push([
      'pillar',
      s.key,
      localise(framework.pillars.find((p) => p.id === s.key)?.title ?? { nl: s.key, en: s.key }, locale),
      s.score,
      s.target,
      s.answered,
      s.questions,
    ]);
  scores.push([
    'overall',
    'all',
    '',
    results.overall.score,
    results.overall.target,
    results.overall.answered,
    results.overall.questions,
  ]);
  return { answers, scores };
}

const fileName = (scan: ScanRow, ext: string) => `zelfscan-${scan.period}-${scan.id}.${ext}`;

export function registerResultRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const viewer = { config: { access: access.organisation('viewer') } };

  app.get<ScanParams & { Querystring: { notice?: string } }>(
    '/o/:code/scans/:scanId/results',
    viewer,
    async (request, reply) => {
      const { organisation, scan } = await scanOf(request);
      const before = await previousSubmittedScan(db, scan);
      const page = resultsPage(pageContext(request), {
        organisation,
        scan,
        framework: getFramework(scan.frameworkVersion),
        results: await resultsOf(db, scan),
        previous: before ? { scan: before, results: await resultsOf(db, before) } : undefined,
        notice: request.query.notice === 'submitted' ? scanMessage(request.locale, 'submitted') : undefined,
      });
      return reply.type(contentTypes.html).send(page);
    },
  );

  app.get<ScanParams>('/o/:code/scans/:scanId/export.csv', viewer, async (request, reply) => {
    const { scan } = await scanOf(request);
    const { answers, scores } = await exportTables(request, scan, request.locale);
    return reply
      .type(contentTypes.csv)
      .header('content-disposition', `attachment; filename="${fileName(scan, 'csv')}"`)
      .send(toCsv([...answers, [], ...scores]));
  });

  app.get<ScanParams>('/o/:code/scans/:scanId/export.xlsx', viewer, async (request, reply) => {
    const { scan } = await scanOf(request);
    const { answers, scores } = await exportTables(request, scan, request.locale);
    const { default: ExcelJS } = await import('exceljs'); // on first use: start-up and memory
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Routekaart';
    for (const [name, rows] of [
      [scanExportMessage(request.locale, 'answers.sheet'), answers],
      ['Scores', scores],
    ] as const) {
      const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.addRows(rows);
      sheet.getRow(1).font = { bold: true };
    }
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    return reply
      .type(contentTypes.xlsx)
      .header('content-disposition', `attachment; filename="${fileName(scan, 'xlsx')}"`)
      .send(buffer);
  });
}
