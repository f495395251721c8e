import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import { formValue } from '../../core/http/forms.ts';
import { toCsv } from '../../core/render/csv.ts';
import { recordPersonalDataExport } from '../../core/db/audit.ts';
import { userIdOf } from '../../core/http/context.ts';
import { pageContext } from '../../core/render/layout.ts';
import { casePage, type CasePageData } from './case.views.ts';
import { casesPage } from './cases-list.views.ts';
import { casesMessage } from './cases.messages.ts';
import {
  caseAssignmentVersions,
  caseDays,
  caseTimeline,
  coordinatorsOf,
  listCases,
  loadCase,
} from './cases.queries.ts';
import { addNote, changeStatus, saveAssignment, setAssignee } from './cases.service.ts';
import { logDays } from './case-days.service.ts';
import {
  checkDaysForm,
  chosenAssignee,
  dayFields,
  isAssignmentText,
  isNoteText,
  readStatusForm,
  type DaysFormValues,
} from './case-forms.ts';
import { intakeNetwork, type NetworkRequest } from './coordinator.routes.ts';
import { intakeMessage } from './intake.messages.ts';
import { caseStatuses } from './intake.tables.ts';
import { outcomeMarkdown } from './outcome-export.ts';
import { idParam } from '../../core/http/params.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { formatInteger } from '../../core/i18n/i18n.ts';

type Extra = Partial<
  Pick<CasePageData, 'problem' | 'notice' | 'assignmentDraft' | 'daysForm' | 'statusText'>
>;

export function registerCaseRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const coordinator = { config: { access: access.networkCoordinator } };
  const base = (network: string, id: number) => `/networks/${network}/brigade/${id}`;

  const render = async (
    request: FastifyRequest<NetworkRequest>,
    reply: FastifyReply,
    status: number,
    extra: Extra = {},
  ) => {
    const network = intakeNetwork(request);
    const id = idParam(request.params.id);
    const loaded = await loadCase(db, id);
    if (!loaded) throw notFound(casesMessage(request.locale, 'problem.notFound'));
    const data: CasePageData = {
      network,
      loaded,
      timeline: await caseTimeline(db, id, true),
      days: await caseDays(db, id),
      versions: await caseAssignmentVersions(db, id),
      coordinators: await coordinatorsOf(db, network),
      ...extra,
    };
    if (request.query.notice === 'saved') data.notice = casesMessage(request.locale, 'notice.saved');
    return reply
      .code(status)
      .type(contentTypes.html)
      .send(casePage(pageContext(request), data));
  };

  const filterOf = (request: FastifyRequest<NetworkRequest>) => {
    const status = caseStatuses.find((s) => s === request.query.status);
    const search = (request.query.q ?? '').trim().slice(0, 100);
    return { ...(status ? { status } : {}), ...(search ? { search } : {}) };
  };

  app.get<NetworkRequest>('/networks/:network/brigade', coordinator, async (request, reply) => {
    const network = intakeNetwork(request);
    const filter = filterOf(request);
    const rows = await listCases(db, filter);
    return reply.type(contentTypes.html).send(
      casesPage(pageContext(request), {
        network,
        rows,
        search: filter.search ?? '',
        status: filter.status ?? '',
      }),
    );
  });

  app.get<NetworkRequest>('/networks/:network/brigade.csv', coordinator, async (request, reply) => {
    intakeNetwork(request);
    const t = casesMessage.for(request.locale);
    const rows = await listCases(db, filterOf(request));
    await recordPersonalDataExport(db, {
      actorUserId: userIdOf(request),
      export: 'brigade.csv',
      rows: rows.length,
    });
    const csv = toCsv([
      [
        t('col.number'),
        t('col.organisation'),
        t('case.contact'),
        t('col.email'),
        t('col.category'),
        t('case.urgency'),
        t('col.state'),
        t('col.assignee'),
        t('col.days'),
        t('col.submitted'),
      ],
      ...rows.map((r) => [
        r.id,
        r.organisation,
        r.contactName,
        r.contactEmail,
        intakeMessage(request.locale, `category.${r.category}`),
        intakeMessage(request.locale, `urgency.${r.urgency}`),
        t(`status.${r.status}`),
        r.assignee,
        Number(r.days),
        r.createdAt.toISOString(),
      ]),
    ]);
    return reply
      .type(contentTypes.csv)
      .header('Content-Disposition', 'attachment; filename="brigade-vragen.csv"')
      .send(csv);
  });

  app.get<NetworkRequest>('/networks/:network/brigade/:id', coordinator, (request, reply) =>
    render(request, reply, 200),
  );

  app.post<NetworkRequest>('/networks/:network/brigade/:id/status', coordinator, async (request, reply) => {
    const network = intakeNetwork(request);
    const id = idParam(request.params.id);
    const outcome = formValue(request.body, 'outcome');
    const declineReason = formValue(request.body, 'declineReason');
    const statusText = { closed: outcome, declined: declineReason };
    const wanted = readStatusForm({
      to: formValue(request.body, 'to'),
      expectedStatus: formValue(request.body, 'expectedStatus'),
      outcome,
      declineReason,
    });
    if (!wanted)
      return render(request, reply, 400, {
        problem: casesMessage(request.locale, 'problem.notAllowed'),
        statusText,
      });
    const { publicUrl, operatorName } = app.services.config;
    const { to } = wanted;
    const result = await changeStatus(db, id, {
      ...wanted,
      actorUserId: request.user?.id ?? 0,
      locale: request.locale,
      publicUrl,
      operatorName,
    });
    if (result.ok) return reply.redirect(`${base(network, id)}?notice=saved`, 303);
    const t = casesMessage.for(request.locale);
    const problem =
      result.problem === 'conflict'
        ? t('problem.conflict', { current: t(`status.${result.current}`), wanted: t(`status.${to}`) })
        : t(`problem.${result.problem}`);
    return render(request, reply, result.problem === 'conflict' ? 409 : 422, { problem, statusText });
  });

  app.post<NetworkRequest>(
    '/networks/:network/brigade/:id/assignment',
    coordinator,
    async (request, reply) => {
      const network = intakeNetwork(request);
      const id = idParam(request.params.id);
      const text = formValue(request.body, 'assignment');
      const expectedVersion = Number(formValue(request.body, 'expectedVersion'));
      if (!isAssignmentText(text) || !Number.isSafeInteger(expectedVersion))
        return render(request, reply, 400, { assignmentDraft: { text } });
      const result = await saveAssignment(db, id, {
        text,
        expectedVersion,
        actorUserId: request.user?.id ?? 0,
      });
      if (result.ok) return reply.redirect(`${base(network, id)}?notice=saved`, 303);
      if (result.problem === 'notFound') throw notFound();
      return render(request, reply, 409, {
        assignmentDraft: { text, theirs: { text: result.currentText, version: result.currentVersion } },
      });
    },
  );

  app.post<NetworkRequest>('/networks/:network/brigade/:id/assignee', coordinator, async (request, reply) => {
    const network = intakeNetwork(request);
    const id = idParam(request.params.id);
    const raw = formValue(request.body, 'assignee');
    const coordinators = await coordinatorsOf(db, network);
    const assignee = chosenAssignee(coordinators, raw);
    if (!assignee)
      return render(request, reply, 400, { problem: casesMessage(request.locale, 'problem.notAllowed') });
    await setAssignee(db, id, assignee.id, request.user?.id ?? 0);
    return reply.redirect(`${base(network, id)}?notice=saved`, 303);
  });

  app.post<NetworkRequest>('/networks/:network/brigade/:id/notes', coordinator, async (request, reply) => {
    const network = intakeNetwork(request);
    const id = idParam(request.params.id);
    const note = formValue(request.body, 'note');
    if (!isNoteText(note))
      return render(request, reply, 400, { problem: casesMessage(request.locale, 'case.note') });
    if (!(await loadCase(db, id))) throw notFound();
    await addNote(db, id, note, request.user?.id ?? 0);
    return reply.redirect(`${base(network, id)}?notice=saved`, 303);
  });

  app.post<NetworkRequest>('/networks/:network/brigade/:id/days', coordinator, async (request, reply) => {
    const network = intakeNetwork(request);
    const id = idParam(request.params.id);
    const t = casesMessage.for(request.locale);
    const values = Object.fromEntries(
      dayFields.map((n) => [n, formValue(request.body, n)]),
    ) as DaysFormValues;
    const checked = checkDaysForm(request.locale, values);
    if (!checked.input) return render(request, reply, 400, { daysForm: { values, errors: checked.errors } });
    const result = await logDays(db, id, { ...checked.input, actorUserId: request.user?.id ?? 0 });
    if (result.ok) return reply.redirect(`${base(network, id)}?notice=saved`, 303);
    if (result.problem === 'notFound') throw notFound();
    const days = formatInteger(request.locale, result.newTotalDays);
    return render(request, reply, 422, {
      daysForm: { values, errors: { overrunReason: t('case.days.reasonRequired', { days }) } },
    });
  });

  app.get<NetworkRequest>(
    '/networks/:network/brigade/:id/outcome.md',
    coordinator,
    async (request, reply) => {
      intakeNetwork(request);
      const loaded = await loadCase(db, idParam(request.params.id));
      if (!loaded?.case.outcome) throw notFound();
      return reply
        .type('text/markdown; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="brigade-vraag-${loaded.case.id}-uitkomst.md"`)
        .send(outcomeMarkdown(request.locale, loaded));
    },
  );
}
