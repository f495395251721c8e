import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import { FormChecker } from '../../core/http/forms.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';
import { pageContext } from '../../core/render/layout.ts';
import { caseTimeline, listCases, loadCase } from './cases.queries.ts';
import { submitCase } from './cases.service.ts';
import { intakeMessage } from './intake.messages.ts';
import { municipalityAskPage, municipalityCasePage, municipalityCasesPage } from './municipality.views.ts';
import { caseInput, checkBrigadeFields, mailSettings, readBrigadeForm } from './public.routes.ts';
import type { BrigadeFormValues } from './public.views.ts';
import { organisationOf } from '../../core/http/context.ts';
import { idParam } from '../../core/http/params.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { formValue } from '../../core/http/forms.ts';
import { lowConnectivityOf } from '../scan/index.ts';
import { scanQuestionText } from './scan-question.ts';

type CaseRequest = { Params: { code: string; id: string }; Querystring: { notice?: string; from?: string } };

/** The municipality's own view of its Brigade questions: never internal notes, days or contacts of others. */
export function registerMunicipalityRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const viewer = { config: { access: access.organisation('viewer') } };
  const editor = { config: { access: access.organisation('editor') } };

  app.get<CaseRequest>('/o/:code/brigade', viewer, async (request, reply) => {
    const organisation = organisationOf(request);
    const rows = await listCases(db, { organisationId: organisation.id });
    const notice =
      request.query.notice === 'submitted' ? intakeMessage(request.locale, 'brigade.thanks.body') : undefined;
    return reply
      .type(contentTypes.html)
      .send(municipalityCasesPage(pageContext(request), organisation, rows, notice));
  });

  const renderAsk = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    values: BrigadeFormValues,
    errors: FieldErrors,
    sourceScan?: number,
  ) =>
    reply
      .code(status)
      .type(contentTypes.html)
      .send(
        municipalityAskPage(pageContext(request), organisationOf(request), { values, errors, sourceScan }),
      );

  app.get<CaseRequest>('/o/:code/brigade/new', editor, async (request, reply) => {
    const values = readBrigadeForm({});
    values.contactName = request.user?.name ?? '';
    values.contactEmail = request.user?.email ?? '';
    const low =
      request.query.from === 'scan' ? await lowConnectivityOf(db, organisationOf(request).id) : null;
    if (!low) return renderAsk(request, reply, 200, values, {});
    values.category = 'agenda';
    values.description = scanQuestionText(request.locale, low);
    return renderAsk(request, reply, 200, values, {}, low.scanId);
  });

  app.post<CaseRequest>('/o/:code/brigade', editor, async (request, reply) => {
    const organisation = organisationOf(request);
    const values = readBrigadeForm(request.body);
    const form = checkBrigadeFields(new FormChecker(request.locale), request.locale, values);
    // Only the organisation's own latest low-connectivity scan can be named as the question's source.
    const low = formValue(request.body, 'sourceScan') ? await lowConnectivityOf(db, organisation.id) : null;
    const sourceScanId =
      low && String(low.scanId) === formValue(request.body, 'sourceScan') ? low.scanId : null;
    if (!form.isValid) return renderAsk(request, reply, 400, values, form.errors, sourceScanId ?? undefined);
    const input = { ...caseInput(values, organisation.id, request.user?.id ?? null), sourceScanId };
    await submitCase(db, input, mailSettings(request));
    return reply.redirect(`/o/${organisation.code}/brigade?notice=submitted`, 303);
  });

  app.get<CaseRequest>('/o/:code/brigade/:id', viewer, async (request, reply) => {
    const organisation = organisationOf(request);
    const id = idParam(request.params.id);
    // Scoped to the organisation in the URL: another municipality's question is simply not found.
    const loaded = await loadCase(db, id, organisation.id);
    if (!loaded) throw notFound();
    const timeline = await caseTimeline(db, id, false);
    return reply
      .type(contentTypes.html)
      .send(municipalityCasePage(pageContext(request), organisation, loaded, timeline));
  });
}
