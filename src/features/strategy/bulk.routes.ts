import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { formFile } from '../../core/http/uploads.ts';
import { pageContext } from '../../core/render/layout.ts';
import { getFramework, latestFrameworkVersion } from '../framework/index.ts';
import { importPage, type ImportPageData } from './import.views.ts';
import { activeStrategyOf } from './strategy-context.ts';
import { importActions } from './strategy-import.ts';
import { strategyMessage } from './strategy.messages.ts';
import { getActiveStrategy } from './strategy.service.ts';
import {
  columns,
  exportCsv,
  exportXlsx,
  importLimits,
  readSheet,
  requiredColumns,
  type Sheet,
} from './strategy-spreadsheet.ts';
import { suggestionsFor } from './suggestions.ts';
import { suggestionsPage } from './suggestions.views.ts';
import { organisationOf, userIdOf, dbOf } from '../../core/http/context.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { formatInteger } from '../../core/i18n/i18n.ts';
import { workersOf } from '../../core/workers/worker-pool.ts';

function fileName(code: string, extension: string): string {
  return `acties-${code.toLowerCase()}.${extension}`;
}

function sendImport(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  data: Omit<ImportPageData, 'organisation'>,
) {
  return reply
    .code(status)
    .type(contentTypes.html)
    .send(importPage(pageContext(request), { organisation: organisationOf(request), ...data }));
}

/** The uploaded sheet, or the message for the file field. */
async function sheetOf(request: FastifyRequest): Promise<Sheet | string> {
  const t = strategyMessage.for(request.locale);
  const file = formFile(request.body, 'file');
  if (!file) return t('import.noFile');
  if (file.isTooLarge) return t('import.tooLarge');
  const sheet = await readSheet(workersOf(request), file.data);
  if (sheet === 'kind') return t('import.wrongType');
  if (sheet === 'unreadable') return t('import.unreadable', { reason: file.filename });
  if (sheet === 'tooManyRows')
    return t('import.tooManyRows', { max: formatInteger(request.locale, importLimits.maxRows) });
  if (sheet === 'tooManyColumns') return t('import.tooManyColumns', { max: importLimits.maxColumns });
  if (sheet === 'unpackedTooLarge') return t('import.unpackedTooLarge');
  if (sheet === 'empty' || sheet.rows.length === 0) return t('import.empty');
  const missing = requiredColumns.filter((key) => !sheet.present.has(key));
  if (missing.length > 0)
    return t('import.missingColumns', {
      columns: missing.map((key) => `“${columns.find((c) => c.key === key)?.nl ?? key}”`).join(', '),
    });
  return sheet;
}

export function registerBulkRoutes(app: FastifyInstance): void {
  const viewer = { config: { access: access.organisation('viewer') } };
  const editor = { config: { access: access.organisation('editor') } };

  app.get('/o/:code/strategy/suggestions', viewer, async (request, reply) => {
    const organisation = organisationOf(request);
    const strategy = await getActiveStrategy(dbOf(request), organisation.id);
    const framework = getFramework(strategy?.frameworkVersion ?? latestFrameworkVersion());
    const { scan, suggestions } = await suggestionsFor(dbOf(request), organisation.id, framework, strategy);
    return reply.type(contentTypes.html).send(
      suggestionsPage(pageContext(request), {
        organisation,
        hasStrategy: strategy !== null,
        scan,
        suggestions,
      }),
    );
  });

  app.get('/o/:code/strategy/actions.csv', viewer, async (request, reply) => {
    const { organisation, strategy } = await activeStrategyOf(request);
    return reply
      .type(contentTypes.csv)
      .header('content-disposition', `attachment; filename="${fileName(organisation.code, 'csv')}"`)
      .send(exportCsv(getFramework(strategy.frameworkVersion), strategy.actions));
  });

  app.get('/o/:code/strategy/actions.xlsx', viewer, async (request, reply) => {
    const { organisation, strategy } = await activeStrategyOf(request);
    return reply
      .type(contentTypes.xlsx)
      .header('content-disposition', `attachment; filename="${fileName(organisation.code, 'xlsx')}"`)
      .send(await exportXlsx(getFramework(strategy.frameworkVersion), strategy.actions));
  });

  app.get<{
    Params: { code: string };
    Querystring: { created?: string; updated?: string; unchanged?: string };
  }>('/o/:code/strategy/import', editor, async (request, reply) => {
    await activeStrategyOf(request);
    const q = request.query;
    const notice =
      q.created !== undefined
        ? strategyMessage(request.locale, 'import.done', {
            created: Number(q.created) || 0,
            updated: Number(q.updated) || 0,
            unchanged: Number(q.unchanged) || 0,
          })
        : undefined;
    return sendImport(request, reply, 200, { errors: {}, notice });
  });

  app.post('/o/:code/strategy/import', editor, async (request, reply) => {
    const { organisation, strategy } = await activeStrategyOf(request);
    const sheet = await sheetOf(request);
    if (typeof sheet === 'string') return sendImport(request, reply, 422, { errors: { file: sheet } });
    const result = await importActions(dbOf(request), {
      organisationId: organisation.id,
      strategyId: strategy.id,
      actorUserId: userIdOf(request),
      locale: request.locale,
      sheet,
    });
    if (result.ok)
      return reply.redirect(
        `/o/${organisation.code}/strategy/import?created=${result.created}&updated=${result.updated}&unchanged=${result.unchanged}`,
        303,
      );
    if (result.problem !== 'rows')
      return sendImport(request, reply, 409, {
        errors: { file: strategyMessage(request.locale, 'archived.readOnly') },
      });
    return sendImport(request, reply, 422, { errors: {}, rows: result.rows });
  });
}
