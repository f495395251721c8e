import { Type, type Static } from '@sinclair/typebox';
import { pageOf, PageQuery } from '../../core/http/api-resources.ts';
import type { SessionFormValues } from './sessions-coordinator.views.ts';
import type { RegistrationRow, NetworkRole } from './sessions-api.queries.ts';
import type { SessionSummary } from './sessions.queries.ts';
import { amsterdamInputs } from './sessions-time.ts';

/** The knowledge-sessions API's schemas, and the body as the announcement form's values. */

const Network = Type.Object({
  code: Type.String({ description: 'The network’s code, e.g. mrdh' }),
  name: Type.String(),
});

const summaryFields = {
  id: Type.Integer(),
  title: Type.String(),
  network: Network,
  role: Type.String({
    enum: ['coordinator', 'member'],
    description:
      'coordinator: the organisation announces the network’s sessions and sees every sign-up; member: its staff sign up and it sees its own sign-ups',
  }),
  startsAt: Type.String({ format: 'date-time', description: 'ISO 8601, UTC' }),
  endsAt: Type.String({ format: 'date-time', description: 'ISO 8601, UTC' }),
  capacity: Type.Integer({ minimum: 1, description: 'Places' }),
  confirmed: Type.Integer({ description: 'Places taken' }),
  waiting: Type.Integer({ description: 'People on the waiting list' }),
};

export const KnowledgeSessionSummary = Type.Object(summaryFields, { $id: 'KnowledgeSessionSummary' });
export const KnowledgeSessionPage = pageOf(Type.Ref(KnowledgeSessionSummary), 'KnowledgeSessionPage');

export const KnowledgeSession = Type.Object(
  {
    ...summaryFields,
    description: Type.String({ description: 'Markdown' }),
    location: Type.Union([Type.String(), Type.Null()], { description: 'Address or room; null online only' }),
    onlineUrl: Type.Union([Type.String({ format: 'uri' }), Type.Null()], {
      description: 'https link to join online, or null',
    }),
    themes: Type.Array(Type.String(), { description: 'Theme ids of the framework' }),
    createdAt: Type.String({ format: 'date-time' }),
    registrations: Type.String({
      format: 'uri-reference',
      description: 'The sign-ups the organisation may see: all for the coordinator, its own for a member',
    }),
  },
  { $id: 'KnowledgeSession' },
);

export const KnowledgeSessionInput = Type.Object(
  {
    network: Type.String({
      maxLength: 50,
      description: 'Code of a network the organisation coordinates, e.g. mrdh',
    }),
    title: Type.String({ maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 10_000, description: 'Markdown' })),
    startsAt: Type.String({
      format: 'date-time',
      description: 'ISO 8601 with offset, in whole minutes; the session starts and ends on one Dutch day',
    }),
    endsAt: Type.String({ format: 'date-time', description: 'ISO 8601 with offset, after startsAt' }),
    location: Type.Optional(Type.String({ maxLength: 300, description: 'Address or room' })),
    onlineUrl: Type.Optional(Type.String({ maxLength: 2000, description: 'https link; location or this' })),
    capacity: Type.Integer({ minimum: 1, maximum: 10_000, description: 'Places' }),
    themes: Type.Optional(
      Type.Array(Type.String({ maxLength: 100 }), {
        maxItems: 50,
        description: 'Theme ids of the framework',
      }),
    ),
  },
  { $id: 'KnowledgeSessionInput', additionalProperties: false },
);
export type KnowledgeSessionInputBody = Static<typeof KnowledgeSessionInput>;

export const Registration = Type.Object(
  {
    id: Type.Integer(),
    person: Type.Object({ id: Type.Integer(), name: Type.String(), email: Type.String({ format: 'email' }) }),
    organisation: Type.Object({ code: Type.String(), name: Type.String() }),
    status: Type.String({ enum: ['confirmed', 'waiting'], description: 'A place, or the waiting list' }),
    position: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
      description: 'Place on the waiting list; null with a confirmed place',
    }),
    queuedAt: Type.String({ format: 'date-time', description: 'When the person signed up' }),
  },
  { $id: 'KnowledgeSessionRegistration' },
);
export const RegistrationPage = pageOf(Type.Ref(Registration), 'KnowledgeSessionRegistrationPage');

export const RegistrationInput = Type.Object(
  {
    userId: Type.Integer({
      minimum: 1,
      description: 'A member of the organisation; they get the confirmation or waiting-list e-mail',
    }),
  },
  { $id: 'KnowledgeSessionRegistrationInput', additionalProperties: false },
);

export const OrgParams = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z]{2,4}\\d{0,4}$', example: 'MRDH' }),
});
export const SessionParams = Type.Object({
  ...OrgParams.properties,
  sessionId: Type.Integer({ minimum: 1 }),
});
export const RegistrationParams = Type.Object({
  ...SessionParams.properties,
  registrationId: Type.Integer({ minimum: 1 }),
});
export const SessionListQuery = Type.Object({
  ...PageQuery.properties,
  period: Type.Optional(
    Type.String({
      enum: ['upcoming', 'past'],
      description: 'upcoming: not ended yet; past: ended. Without it, both',
    }),
  ),
});

/** The form's field names as the API names them. */
export const apiFieldNames: Record<string, string> = {
  date: 'startsAt',
  startTime: 'startsAt',
  endTime: 'endsAt',
};

/**
 * The body as the form's values: the instants as the Dutch date and wall-clock times a coordinator
 * types, so that the form's own checks read them. What the form cannot hold (seconds, an end on
 * another day) is refused by field.
 */
export function formValuesFromBody(body: KnowledgeSessionInputBody): {
  values: SessionFormValues;
  errors: Record<string, 'wholeMinutes' | 'sameDay'>;
} {
  const starts = new Date(body.startsAt);
  const ends = new Date(body.endsAt);
  const start = amsterdamInputs(starts);
  const end = amsterdamInputs(ends);
  const errors: Record<string, 'wholeMinutes' | 'sameDay'> = {};
  if (starts.getTime() % 60_000 !== 0) errors.startsAt = 'wholeMinutes';
  if (ends.getTime() % 60_000 !== 0) errors.endsAt = 'wholeMinutes';
  else if (end.date !== start.date) errors.endsAt = 'sameDay';
  const values = {
    title: body.title.trim(),
    description: body.description ?? '',
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    location: (body.location ?? '').trim(),
    onlineUrl: (body.onlineUrl ?? '').trim(),
    capacity: String(body.capacity),
    themes: body.themes ?? [],
  };
  return { values, errors };
}

const sessionsPath = (code: string) => `/api/v1/organisations/${code}/knowledge-sessions`;

export function summaryJson(s: SessionSummary, role: NetworkRole) {
  return {
    id: s.id,
    title: s.title,
    network: { code: s.networkCode, name: s.networkName },
    role,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    capacity: s.capacity,
    confirmed: s.confirmed,
    waiting: s.waiting,
  };
}

export function sessionJson(s: SessionSummary, role: NetworkRole, code: string) {
  return {
    ...summaryJson(s, role),
    description: s.description,
    location: s.location,
    onlineUrl: s.onlineUrl,
    themes: s.themes,
    createdAt: s.createdAt.toISOString(),
    registrations: `${sessionsPath(code)}/${s.id}/registrations`,
  };
}

export function registrationJson(r: RegistrationRow) {
  return {
    id: r.id,
    person: { id: r.userId, name: r.name, email: r.email },
    organisation: { code: r.organisationCode, name: r.organisationName },
    status: r.status === 'confirmed' ? ('confirmed' as const) : ('waiting' as const),
    position: r.status === 'waiting' ? r.position : null,
    queuedAt: r.queuedAt.toISOString(),
  };
}
