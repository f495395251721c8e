import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { pageContext } from '../../core/render/layout.ts';
import { getActiveStrategy } from '../strategy/index.ts';
import { handleExport, showExportPage, type ExportSubject } from './documents.routes.ts';
import { noSubjectPage, organisationCrumbs } from './documents.views.ts';
import { documentsMessage } from './documents.messages.ts';
import { strategyDocumentBuilder } from './documents-build.ts';
import { organisationOf, dbOf } from '../../core/http/context.ts';
import { contentTypes } from '../../core/http/content-types.ts';

type StrategyDocumentRoute = { Params: { code: string }; Querystring: { made?: string } };

/** The organisation's active strategy as an export subject; undefined when it has none. */
async function strategySubject(
  request: FastifyRequest<StrategyDocumentRoute>,
): Promise<ExportSubject | undefined> {
  const organisation = organisationOf(request);
  const db = dbOf(request);
  const strategy = await getActiveStrategy(db, organisation.id);
  if (!strategy) return undefined;
  const t = documentsMessage.for(request.locale);
  return {
    kind: 'strategy',
    subjectId: strategy.id,
    page: {
      organisation,
      title: `${t('strategyDocs.title')}: ${strategy.title}`,
      intro: t('strategyDocs.intro'),
      crumbs: organisationCrumbs(organisation, [
        { href: `/o/${organisation.code}/strategy`, label: strategy.title },
      ]),
    },
    build: strategyDocumentBuilder(db, organisation, strategy),
  };
}

export function registerStrategyDocumentRoutes(app: FastifyInstance): void {
  const url = '/o/:code/documents/strategy';
  const noStrategy = (request: FastifyRequest) => {
    const ctx = pageContext(request);
    const t = documentsMessage.for(ctx.locale);
    return noSubjectPage(ctx, organisationOf(request), t('strategyDocs.title'), t('strategyDocs.none'));
  };
  app.get<StrategyDocumentRoute>(
    url,
    { config: { access: access.organisation('viewer') } },
    async (request, reply) => {
      const subject = await strategySubject(request);
      if (!subject) return reply.type(contentTypes.html).send(noStrategy(request));
      return showExportPage(request, reply, subject);
    },
  );
  app.post<StrategyDocumentRoute>(
    url,
    { config: { access: access.organisation('editor') } },
    async (request, reply) => {
      const subject = await strategySubject(request);
      if (!subject) return reply.code(409).type(contentTypes.html).send(noStrategy(request));
      return handleExport(request, reply, subject);
    },
  );
}
