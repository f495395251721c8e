import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordPersonalDataExport } from '../../core/db/audit.ts';
import { access } from '../../core/http/access.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { dbOf, organisationOf, userIdOf } from '../../core/http/context.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';
import { toCsv } from '../../core/render/csv.ts';
import { pageContext } from '../../core/render/layout.ts';
import { auditMessage } from './audit.messages.ts';
import { auditActions, listAudit, type AuditFilter } from './audit.queries.ts';
import { actorText, auditPage, detailsText } from './audit.views.ts';

type FilterQuery = { Querystring: Record<string, string | undefined> };
const pageLimit = 500;
const csvLimit = 50_000;

/** Reads the filter; a day that is not a date is named in the form, not ignored silently. */
function readFilter(request: FastifyRequest<FilterQuery>): { filter: AuditFilter; errors: FieldErrors } {
  const text = (name: string) => (typeof request.query[name] === 'string' ? request.query[name].trim() : '');
  const filter = { action: text('action'), from: text('from'), to: text('to') };
  const errors: FieldErrors = {};
  for (const key of ['from', 'to'] as const) {
    if (filter[key] !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(filter[key])) {
      errors[key] = auditMessage(request.locale, 'filter.invalidDay');
      filter[key] = '';
    }
  }
  return { filter, errors };
}

/** The organisation's trail for its administrators, the platform's for the platform administrator. */
export function registerAuditRoutes(app: FastifyInstance): void {
  const { auditRetentionMonths } = app.services.config;
  const orgAdmin = { config: { access: access.organisation('admin') } };
  const platformAdmin = { config: { access: access.platformAdmin } };

  const scopeOf = (request: FastifyRequest) =>
    request.routeOptions.config.access?.kind === 'platformAdmin'
      ? ('platform' as const)
      : { organisationId: organisationOf(request).id };

  const page = async (request: FastifyRequest<FilterQuery>, reply: FastifyReply) => {
    const scope = scopeOf(request);
    const { filter, errors } = readFilter(request);
    const db = dbOf(request);
    const markup = auditPage(pageContext(request), {
      organisationName: scope === 'platform' ? undefined : organisationOf(request).displayName,
      basePath: scope === 'platform' ? '/admin/audit' : `/o/${organisationOf(request).code}/audit`,
      rows: await listAudit(db, scope, filter, pageLimit),
      actions: await auditActions(db, scope),
      filter,
      errors,
      limit: pageLimit,
      retentionMonths: auditRetentionMonths,
    });
    return reply
      .code(Object.keys(errors).length > 0 ? 400 : 200)
      .type(contentTypes.html)
      .send(markup);
  };

  const csv = async (request: FastifyRequest<FilterQuery>, reply: FastifyReply) => {
    const scope = scopeOf(request);
    const t = auditMessage.for(request.locale);
    const rows = await listAudit(dbOf(request), scope, readFilter(request).filter, csvLimit);
    await recordPersonalDataExport(dbOf(request), {
      actorUserId: userIdOf(request),
      organisationId: scope === 'platform' ? null : scope.organisationId,
      export: 'audit.csv',
      rows: rows.length,
    });
    const body = toCsv([
      [t('col.at'), t('col.actor'), t('col.action'), t('col.details'), t('col.address')],
      ...rows.map((r) => [
        r.at.toISOString(),
        actorText(r, t('system')),
        r.action,
        detailsText(r.details),
        r.address,
      ]),
    ]);
    return reply
      .type(contentTypes.csv)
      .header('Content-Disposition', 'attachment; filename="logboek.csv"')
      .send(body);
  };

  app.get<FilterQuery>('/o/:code/audit', orgAdmin, page);
  app.get<FilterQuery>('/o/:code/audit.csv', orgAdmin, csv);
  app.get<FilterQuery>('/admin/audit', platformAdmin, page);
  app.get<FilterQuery>('/admin/audit.csv', platformAdmin, csv);
}
