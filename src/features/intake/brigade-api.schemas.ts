import { Type, type Static } from '@sinclair/typebox';
import { pageOf, PageQuery } from '../../core/http/api-resources.ts';
import {
  caseCategories,
  caseStatuses,
  contactPreferences,
  dayParties,
  eventKinds,
  offeredUrgencies,
  urgencies,
} from './intake.tables.ts';

/**
 * The Brigade questions API's schemas. One question has two views: the asking organisation's (what
 * its own question page shows) and the coordinating organisation's (what the coordinators' case page
 * shows, contact person included). Fields marked "coordinator" are only in the latter.
 */

const coordinatorOnly = (description: string) => `Coordinator view only. ${description}`;
const nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const views = ['asker', 'coordinator'] as const;

const common = {
  id: Type.Integer({ description: 'The question’s number' }),
  view: Type.String({
    enum: [...views],
    description: 'asker: the asking organisation’s view; coordinator: the coordinating organisation’s',
  }),
  category: Type.String({ enum: [...caseCategories] }),
  status: Type.String({ enum: [...caseStatuses] }),
  createdAt: Type.String({ format: 'date-time', description: 'When the question was asked' }),
};

const Organisation = Type.Object({ code: Type.String(), name: Type.String() });

export const BrigadeQuestionSummary = Type.Object(
  {
    ...common,
    organisation: Type.Optional(Organisation),
    contactName: Type.Optional(nullable(Type.String({ description: coordinatorOnly('Null once removed') }))),
    contactEmail: Type.Optional(nullable(Type.String({ description: coordinatorOnly('Null once removed') }))),
    urgency: Type.Optional(Type.String({ enum: [...urgencies], description: coordinatorOnly('') })),
    assignee: Type.Optional(
      nullable(Type.String({ description: coordinatorOnly('The coordinator’s name') })),
    ),
    firmDays: Type.Optional(
      Type.Number({ description: coordinatorOnly('Days the advisory firm logged (budget: 10)') }),
    ),
    fromScan: Type.Optional(Type.Boolean({ description: coordinatorOnly('Asked from a scan’s results') })),
  },
  { $id: 'BrigadeQuestionSummary' },
);
export const BrigadeQuestionPage = pageOf(Type.Ref(BrigadeQuestionSummary), 'BrigadeQuestionPage');

const Event = Type.Object({
  at: Type.String({ format: 'date-time' }),
  kind: Type.String({ enum: [...eventKinds] }),
  actor: Type.Union([Type.String(), Type.Null()], { description: 'Who; null for the system or a token' }),
  isInternal: Type.Boolean({ description: 'Internal events (notes, days) are in the coordinator view only' }),
  details: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Null()])),
});

const Day = Type.Object({
  id: Type.Integer(),
  workDate: Type.String({ format: 'date' }),
  person: Type.String(),
  party: Type.String({ enum: [...dayParties] }),
  hours: Type.Number(),
  description: Type.String(),
  overrunReason: Type.Union([Type.String(), Type.Null()]),
});

export const BrigadeQuestion = Type.Object(
  {
    ...common,
    version: Type.Integer({
      description: 'Goes up on every change this view shows; the ETag is "v" and this',
    }),
    description: Type.String(),
    assignment: Type.String({ description: 'The assignment description (Markdown); empty until written' }),
    outcome: Type.Union([Type.String(), Type.Null()], { description: 'Set when the question is closed' }),
    declineReason: Type.Union([Type.String(), Type.Null()], { description: 'Set when it is declined' }),
    history: Type.Array(Event, { description: 'The timeline; the asker sees its public events only' }),
    organisation: Type.Optional(Organisation),
    contact: Type.Optional(
      Type.Union(
        [
          Type.Object({
            name: Type.String(),
            email: Type.Union([Type.String(), Type.Null()]),
            phone: Type.Union([Type.String(), Type.Null()]),
          }),
          Type.Null(),
        ],
        { description: coordinatorOnly('The contact person; null once the personal data is removed') },
      ),
    ),
    urgency: Type.Optional(Type.String({ enum: [...urgencies] })),
    contactPreference: Type.Optional(Type.String({ enum: [...contactPreferences] })),
    assignee: Type.Optional(
      Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()], {
        description: coordinatorOnly('The coordinator handling the question'),
      }),
    ),
    assignmentVersion: Type.Optional(Type.Integer({ description: coordinatorOnly('Versions are kept') })),
    closedAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
    fromScan: Type.Optional(Type.Boolean()),
    firmDays: Type.Optional(Type.Number({ description: coordinatorOnly('Days of the advisory firm') })),
    days: Type.Optional(Type.Array(Day, { description: coordinatorOnly('The time logged') })),
  },
  { $id: 'BrigadeQuestion' },
);

export const BrigadeQuestionInput = Type.Object(
  {
    contactName: Type.String({ maxLength: 200 }),
    contactEmail: Type.String({ maxLength: 320, description: 'An e-mail address; it hears of each step' }),
    contactPhone: Type.Optional(Type.String({ maxLength: 40 })),
    category: Type.String({ enum: [...caseCategories] }),
    description: Type.String({ maxLength: 5000 }),
    urgency: Type.String({ enum: [...offeredUrgencies] }),
    contactPreference: Type.String({ enum: [...contactPreferences] }),
  },
  { $id: 'BrigadeQuestionInput', additionalProperties: false },
);
export type BrigadeQuestionInputBody = Static<typeof BrigadeQuestionInput>;

export const StatusInput = Type.Object(
  {
    status: Type.String({
      enum: [...caseStatuses],
      description: 'The next step of the workflow, or declined from any open state',
    }),
    outcome: Type.Optional(Type.String({ maxLength: 20_000, description: 'Required to close' })),
    declineReason: Type.Optional(Type.String({ maxLength: 5000, description: 'Required to decline' })),
  },
  { $id: 'BrigadeQuestionStatusInput', additionalProperties: false },
);
export const AssignmentInput = Type.Object(
  { assignment: Type.String({ maxLength: 20_000, description: 'Markdown; replaces the current version' }) },
  { $id: 'BrigadeQuestionAssignmentInput', additionalProperties: false },
);
export const AssigneeInput = Type.Object(
  {
    assigneeUserId: Type.Unsafe<number | null>({
      type: 'integer',
      nullable: true,
      minimum: 1,
      description: 'A coordinator of the network, or null for nobody',
    }),
  },
  { $id: 'BrigadeQuestionAssigneeInput', additionalProperties: false },
);
export const NoteInput = Type.Object(
  { note: Type.String({ maxLength: 5000, description: 'An internal note; the asker never sees it' }) },
  { $id: 'BrigadeQuestionNoteInput', additionalProperties: false },
);
export const DaysInput = Type.Object(
  {
    workDate: Type.String({ format: 'date' }),
    person: Type.String({ maxLength: 200 }),
    party: Type.String({
      enum: [...dayParties],
      description: 'firm: the advisory firm; expert: the Brigade',
    }),
    amount: Type.Number({ description: 'Hours (at most 24) or days (at most 10), two decimals' }),
    unit: Type.String({ enum: ['hours', 'days'] }),
    description: Type.String({ maxLength: 2000 }),
    overrunReason: Type.Optional(
      Type.String({ maxLength: 2000, description: 'Required when the firm passes its 10 days' }),
    ),
  },
  { $id: 'BrigadeQuestionDaysInput', additionalProperties: false },
);

export const OrgParams = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z]{2,4}\\d{0,4}$', example: 'GM0599' }),
});
export const QuestionParams = Type.Object({
  ...OrgParams.properties,
  questionId: Type.Integer({ minimum: 1 }),
});
export const ListQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(
    Type.String({ enum: [...caseStatuses], description: 'Only questions in this state' }),
  ),
  sort: Type.Optional(
    Type.String({
      enum: ['createdAt', '-createdAt'],
      default: '-createdAt',
      description: 'By when they were asked; - for newest first',
    }),
  ),
});

export const schemas = [
  BrigadeQuestionSummary,
  BrigadeQuestionPage,
  BrigadeQuestion,
  BrigadeQuestionInput,
  StatusInput,
  AssignmentInput,
  AssigneeInput,
  NoteInput,
  DaysInput,
];

/** The OpenAPI fields every operation on Brigade questions shares. */
export const brigadeCommon = (summary: string, operationId: string, description: string) => ({
  summary,
  description,
  operationId,
  tags: ['brigade-questions'],
  security: [{ organisationToken: [] }],
});
