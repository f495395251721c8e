import { Type, type Static, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { apiPrefix, apiResponses } from '../../core/http/api.ts';
import { etagOf, invalidInput, preconditionFailed, requireIfMatch } from '../../core/http/api-resources.ts';
import { forbidden, notFound } from '../../core/http/errors.ts';
import { formValue } from '../../core/http/forms.ts';
import { networkCodes } from '../../core/db/reference-data.ts';
import { formatInteger } from '../../core/i18n/i18n.ts';
import {
  AssigneeInput,
  AssignmentInput,
  BrigadeQuestion,
  brigadeCommon,
  DaysInput,
  NoteInput,
  QuestionParams,
  StatusInput,
} from './brigade-api.schemas.ts';
import { brigadeScopeOf, questionJson } from './brigade-api.views.ts';
import { logDays } from './case-days.service.ts';
import {
  checkDaysForm,
  chosenAssignee,
  isAssignmentText,
  isNoteText,
  readStatusForm,
  type DaysFormValues,
} from './case-forms.ts';
import { casesMessage } from './cases.messages.ts';
import { caseTimeline, coordinatorsOf } from './cases.queries.ts';
import { addNote, changeStatus, saveAssignment, setAssignee } from './cases.service.ts';

type WriteRequest = FastifyRequest<{ Params: Static<typeof QuestionParams>; Body: Record<string, unknown> }>;
type Stored = NonNullable<Awaited<ReturnType<typeof questionJson>>>;

/**
 * The coordinators' forms on a question, for the coordinating organisation's read-write token: each
 * operation reads its body as the form's values, checks them with the form's checks and saves through
 * the form's service. Every change needs If-Match with the question's ETag. An asking organisation's
 * token may not handle questions (403), not even its own.
 */
export function registerBrigadeCaseApi(app: FastifyInstance): void {
  const { db } = app.services.database;
  const route = { config: { access: access.organisationApi('brigade-questions') } };
  const base = `${apiPrefix}/organisations/:code/brigade-questions/:questionId`;
  const errors = [400, 401, 403, 404, 412, 422, 428] as const;

  /** Registers one change: the handler gets the question as stored, after the If-Match check. */
  function change(
    method: 'PUT' | 'POST',
    path: string,
    doc: [summary: string, operationId: string, description: string],
    body: TSchema,
    handle: (request: WriteRequest, stored: Stored) => Promise<void>,
  ) {
    app.route({
      method,
      url: `${base}/${path}`,
      ...route,
      schema: {
        ...brigadeCommon(
          doc[0],
          doc[1],
          `${doc[2]} Coordinating organisation only; needs a read-write token and If-Match.`,
        ),
        params: QuestionParams,
        body: Type.Ref(body),
        response: apiResponses('The question as saved', Type.Ref(BrigadeQuestion), [...errors], {
          headers: ['ETag'],
        }),
      },
      handler: async (request: WriteRequest, reply) => {
        const scope = await brigadeScopeOf(db, request);
        if (!scope.isCoordinator) throw forbidden();
        const stored = await questionJson(db, request.params.questionId, scope);
        if (!stored) throw notFound();
        requireIfMatch(request, stored.version);
        await handle(request, stored);
        const saved = await questionJson(db, stored.stored.id, scope);
        if (!saved) throw notFound();
        return reply.header('ETag', etagOf(saved.version)).send(saved.body);
      },
    });
  }

  const t = (request: FastifyRequest) => casesMessage.for(request.locale);
  /** Another change came first, between the If-Match check and the service's own: 412 with the version now. */
  const stale = async (stored: Stored) =>
    preconditionFailed((await caseTimeline(db, stored.stored.id, true)).length);

  change(
    'PUT',
    'status',
    [
      'Move a question on',
      'changeBrigadeQuestionStatus',
      'To the next step of the workflow, or declined; closing needs the outcome, declining the reason, sending to experts the assignment.',
    ],
    StatusInput,
    async (request, stored) => {
      const wanted = readStatusForm({
        to: formValue(request.body, 'status'),
        expectedStatus: stored.stored.status,
        outcome: formValue(request.body, 'outcome'),
        declineReason: formValue(request.body, 'declineReason'),
      });
      if (!wanted) throw invalidInput({ status: t(request)('problem.notAllowed') });
      const { publicUrl, operatorName } = app.services.config;
      const result = await changeStatus(db, stored.stored.id, {
        ...wanted,
        actorUserId: null,
        locale: request.locale,
        publicUrl,
        operatorName,
      });
      if (result.ok) return;
      if (result.problem === 'notFound') throw notFound();
      if (result.problem === 'conflict') throw await stale(stored);
      const field = { outcomeRequired: 'outcome', reasonRequired: 'declineReason' } as const;
      const name = result.problem in field ? field[result.problem as keyof typeof field] : 'status';
      throw invalidInput({ [name]: t(request)(`problem.${result.problem}`) });
    },
  );

  change(
    'PUT',
    'assignment',
    [
      'Replace the assignment description',
      'replaceBrigadeQuestionAssignment',
      'A new version of the assignment; earlier versions are kept.',
    ],
    AssignmentInput,
    async (request, stored) => {
      const text = formValue(request.body, 'assignment');
      if (!isAssignmentText(text)) throw invalidInput({ assignment: t(request)('case.assignment') });
      const result = await saveAssignment(db, stored.stored.id, {
        text,
        expectedVersion: stored.stored.assignmentVersion,
        actorUserId: null,
      });
      if (result.ok) return;
      if (result.problem === 'notFound') throw notFound();
      throw await stale(stored);
    },
  );

  change(
    'PUT',
    'assignee',
    ['Assign a question', 'assignBrigadeQuestion', 'To one of the network’s coordinators, or to nobody.'],
    AssigneeInput,
    async (request, stored) => {
      const raw = request.body.assigneeUserId;
      const coordinators = await coordinatorsOf(db, networkCodes.zuidHolland);
      const assignee = chosenAssignee(coordinators, typeof raw === 'number' ? String(raw) : '');
      if (!assignee) throw invalidInput({ assigneeUserId: t(request)('problem.notAllowed') });
      await setAssignee(db, stored.stored.id, assignee.id, null);
    },
  );

  change(
    'POST',
    'notes',
    [
      'Add an internal note',
      'addBrigadeQuestionNote',
      'A note for the coordinators; the asking organisation never sees it.',
    ],
    NoteInput,
    async (request, stored) => {
      const note = formValue(request.body, 'note');
      if (!isNoteText(note)) throw invalidInput({ note: t(request)('case.note') });
      await addNote(db, stored.stored.id, note, null);
    },
  );

  change(
    'POST',
    'days',
    [
      'Log time',
      'logBrigadeQuestionDays',
      'Time of the advisory firm (at most 10 days, past that with a reason) or of the Brigade’s experts.',
    ],
    DaysInput,
    async (request, stored) => {
      const body = request.body as Static<typeof DaysInput>;
      const values: DaysFormValues = {
        workDate: body.workDate,
        person: body.person,
        party: body.party,
        // A decimal comma: the form's reading of Dutch numbers then reads it exactly.
        amount: String(body.amount).replace('.', ','),
        unit: body.unit,
        description: body.description,
        overrunReason: body.overrunReason ?? '',
      };
      for (const key of ['person', 'description', 'overrunReason'] as const) values[key] = values[key].trim();
      const checked = checkDaysForm(request.locale, values);
      if (!checked.input) throw invalidInput(checked.errors);
      const result = await logDays(db, stored.stored.id, { ...checked.input, actorUserId: null });
      if (result.ok) return;
      if (result.problem === 'notFound') throw notFound();
      const days = formatInteger(request.locale, result.newTotalDays);
      throw invalidInput({ overrunReason: t(request)('case.days.reasonRequired', { days }) });
    },
  );
}
