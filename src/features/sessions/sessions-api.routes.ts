import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../core/db/database.ts';
import { access } from '../../core/http/access.ts';
import { apiPrefix, apiResponses } from '../../core/http/api.ts';
import {
  cursorAfter,
  digestEtag,
  invalidInput,
  sendPage,
  sendTagged,
} from '../../core/http/api-resources.ts';
import { organisationOf } from '../../core/http/context.ts';
import { forbidden, notFound } from '../../core/http/errors.ts';
import {
  apiFieldNames,
  formValuesFromBody,
  KnowledgeSession,
  KnowledgeSessionInput,
  KnowledgeSessionPage,
  KnowledgeSessionSummary,
  OrgParams,
  SessionListQuery,
  SessionParams,
  sessionJson,
  summaryJson,
  type KnowledgeSessionInputBody,
} from './sessions-api.schemas.ts';
import { coordinatedNetwork, networkRolesOf, type NetworkRole } from './sessions-api.queries.ts';
import { announcement, checkSessionForm } from './sessions-form.ts';
import { sessionsMessage } from './sessions.messages.ts';
import { findSession, sessionsOfNetworks, type SessionSummary } from './sessions.queries.ts';
import { announceSession } from './sessions.service.ts';

export const sessionsApiBase = `${apiPrefix}/organisations/:code/knowledge-sessions`;
export const sessionsApiRoute = { config: { access: access.organisationApi('sessions') } };

export const sessionsApiCommon = (summary: string, operationId: string, description: string) => ({
  summary,
  description,
  operationId,
  tags: ['knowledge-sessions'],
  security: [{ organisationToken: [] }],
});

/**
 * A session the organisation takes part in, with its role in the session's network; 404 for a
 * session of a network it neither coordinates nor belongs to.
 */
export async function visibleSession(
  db: Db,
  request: FastifyRequest<{ Params: { sessionId: number } }>,
): Promise<{ session: SessionSummary; role: NetworkRole }> {
  const session = await findSession(db, request.params.sessionId);
  const role = session && (await networkRolesOf(db, organisationOf(request).id)).get(session.networkId);
  if (!session || !role) throw notFound();
  return { session, role };
}

/** The session as the organisation sees it, with the ETag of that representation. */
const sessionBody = (request: FastifyRequest, session: SessionSummary, role: NetworkRole) =>
  sessionJson(session, role, organisationOf(request).code);

/**
 * Knowledge sessions through the API, as the web shows them: the networks' coordinating organisation
 * (the province, MRDH) lists, reads and announces them; a member organisation lists and reads those
 * of its networks. Announcing goes through the coordinator's form checks and its service. Sign-ups
 * are in sessions-registrations-api.routes.ts.
 */
export function registerSessionsApi(app: FastifyInstance): void {
  const { db } = app.services.database;
  for (const schema of [
    KnowledgeSession,
    KnowledgeSessionSummary,
    KnowledgeSessionPage,
    KnowledgeSessionInput,
  ])
    app.addSchema(schema);
  const errors = [400, 401, 403, 404] as const;

  app.get(
    sessionsApiBase,
    {
      ...sessionsApiRoute,
      schema: {
        ...sessionsApiCommon(
          'List the knowledge sessions',
          'listKnowledgeSessions',
          'The sessions of the networks the organisation coordinates or belongs to, in order of id; `period` keeps the upcoming or the past ones.',
        ),
        params: OrgParams,
        querystring: SessionListQuery,
        response: apiResponses('A page of knowledge sessions', Type.Ref(KnowledgeSessionPage), [...errors], {
          headers: ['Link'],
        }),
      },
    },
    async (
      request: FastifyRequest<{
        Params: Static<typeof OrgParams>;
        Querystring: Static<typeof SessionListQuery>;
      }>,
      reply,
    ) => {
      const roles = await networkRolesOf(db, organisationOf(request).id);
      const size = request.query.pageSize ?? 20;
      const rows = await sessionsOfNetworks(db, [...roles.keys()], {
        afterId: cursorAfter(request.query.cursor),
        limit: size + 1,
        period:
          request.query.period === 'upcoming' || request.query.period === 'past'
            ? request.query.period
            : undefined,
        now: new Date(),
      });
      const items = rows.map((s) => summaryJson(s, roles.get(s.networkId) ?? 'member'));
      return sendPage(request, reply, items, size);
    },
  );

  app.post(
    sessionsApiBase,
    {
      ...sessionsApiRoute,
      schema: {
        ...sessionsApiCommon(
          'Announce a knowledge session',
          'announceKnowledgeSession',
          'Needs a read-write token of the network’s coordinating organisation. The checks are those of the announcement form: a future start, an end after it on the same Dutch day, a location or an https link, 1 to 10000 places, known themes.',
        ),
        params: OrgParams,
        body: Type.Ref(KnowledgeSessionInput),
        response: apiResponses('The announced session', Type.Ref(KnowledgeSession), [...errors, 422], {
          status: 201,
          headers: ['ETag', 'Location'],
        }),
      },
    },
    async (
      request: FastifyRequest<{ Params: Static<typeof OrgParams>; Body: KnowledgeSessionInputBody }>,
      reply,
    ) => {
      const organisation = organisationOf(request);
      const roles = await networkRolesOf(db, organisation.id);
      if (![...roles.values()].includes('coordinator'))
        throw forbidden('Only the coordinating organisation of a network announces its sessions.');
      const t = sessionsMessage.for(request.locale);
      const network = await coordinatedNetwork(db, organisation.id, request.body.network);
      const { values, errors: conversion } = formValuesFromBody(request.body);
      const checked = checkSessionForm(request.locale, values, new Date());
      const refused: Record<string, string> = {};
      for (const [field, reason] of Object.entries(checked.form.errors))
        refused[apiFieldNames[field] ?? field] ??= reason;
      for (const [field, problem] of Object.entries(conversion)) refused[field] = t(`api.${problem}`);
      if (!network) refused.network = t('api.network');
      const input = network && announcement(network.id, values, checked);
      if (Object.keys(refused).length > 0 || !input) throw invalidInput(refused);
      const id = await announceSession(db, input, null);
      const session = await findSession(db, id);
      if (!session) throw notFound();
      const body = sessionBody(request, session, 'coordinator');
      return reply
        .code(201)
        .header('Location', `${request.url.split('?')[0]}/${id}`)
        .header('ETag', digestEtag(body))
        .send(body);
    },
  );

  app.get(
    `${sessionsApiBase}/:sessionId`,
    {
      ...sessionsApiRoute,
      schema: {
        ...sessionsApiCommon(
          'Get a knowledge session',
          'getKnowledgeSession',
          'A session of a network the organisation coordinates or belongs to, with its ETag.',
        ),
        params: SessionParams,
        response: apiResponses('The knowledge session', Type.Ref(KnowledgeSession), [...errors], {
          headers: ['ETag'],
          notModified: true,
        }),
      },
    },
    async (request: FastifyRequest<{ Params: Static<typeof SessionParams> }>, reply) => {
      const { session, role } = await visibleSession(db, request);
      const body = sessionBody(request, session, role);
      return sendTagged(request, reply, digestEtag(body), body);
    },
  );
}
