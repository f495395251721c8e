import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiDeleteResponses, apiResponses } from '../../core/http/api.ts';
import {
  cursorAfter,
  digestEtag,
  invalidInput,
  PageQuery,
  requireIfMatchTag,
  sendPage,
  sendTagged,
} from '../../core/http/api-resources.ts';
import { organisationOf } from '../../core/http/context.ts';
import { conflict, forbidden, notFound } from '../../core/http/errors.ts';
import {
  Registration,
  RegistrationInput,
  RegistrationPage,
  RegistrationParams,
  registrationJson,
  SessionParams,
} from './sessions-api.schemas.ts';
import {
  sessionsApiBase,
  sessionsApiCommon,
  sessionsApiRoute,
  visibleSession,
} from './sessions-api.routes.ts';
import { colleagueOf, findRegistration, registrationIdOf, registrationsAt } from './sessions-api.queries.ts';
import { sessionsMessage } from './sessions.messages.ts';
import { cancelRegistration, signUpForSession } from './sessions.service.ts';

type RegistrationRequest = FastifyRequest<{ Params: Static<typeof RegistrationParams> }>;

/**
 * Sign-ups for knowledge sessions through the API: the coordinating organisation reads them all, a
 * member organisation its own staff's; a member organisation signs up a member of its staff and
 * withdraws its own sign-ups, through the services the web's buttons use (the place or the waiting
 * list, the e-mails, moving up from the waiting list).
 */
export function registerSessionRegistrationsApi(app: FastifyInstance): void {
  const { db } = app.services.database;
  const { publicUrl } = app.services.config;
  for (const schema of [Registration, RegistrationPage, RegistrationInput]) app.addSchema(schema);
  const base = `${sessionsApiBase}/:sessionId/registrations`;
  const errors = [400, 401, 403, 404] as const;

  /** A sign-up the organisation may see: any at a session it coordinates, else its own. */
  async function visibleRegistration(request: RegistrationRequest) {
    const { session, role } = await visibleSession(db, request);
    const registration = await findRegistration(db, session.id, request.params.registrationId);
    const own = registration?.organisationId === organisationOf(request).id;
    if (!registration || (role !== 'coordinator' && !own)) throw notFound();
    return { session, registration, own };
  }

  app.get(
    base,
    {
      ...sessionsApiRoute,
      schema: {
        ...sessionsApiCommon(
          'List the sign-ups for a session',
          'listKnowledgeSessionRegistrations',
          'Confirmed places and the waiting list, in order of id: every sign-up for the coordinating organisation, its own staff’s for a member.',
        ),
        params: SessionParams,
        querystring: PageQuery,
        response: apiResponses('A page of sign-ups', Type.Ref(RegistrationPage), [...errors], {
          headers: ['Link'],
        }),
      },
    },
    async (
      request: FastifyRequest<{
        Params: Static<typeof SessionParams>;
        Querystring: Static<typeof PageQuery>;
      }>,
      reply,
    ) => {
      const { session, role } = await visibleSession(db, request);
      const size = request.query.pageSize ?? 20;
      const rows = await registrationsAt(db, session.id, {
        organisationId: role === 'coordinator' ? null : organisationOf(request).id,
        afterId: cursorAfter(request.query.cursor),
        limit: size + 1,
      });
      return sendPage(request, reply, rows.map(registrationJson), size);
    },
  );

  app.post(
    base,
    {
      ...sessionsApiRoute,
      schema: {
        ...sessionsApiCommon(
          'Sign a member of staff up',
          'signUpForKnowledgeSession',
          'Needs a read-write token of an organisation in the session’s network. The person gets a place while there is one, else a place on the waiting list, and the e-mail the web sends. 409 when they are signed up already or the session has started.',
        ),
        params: SessionParams,
        body: Type.Ref(RegistrationInput),
        response: apiResponses('The sign-up', Type.Ref(Registration), [...errors, 409, 422], {
          status: 201,
          headers: ['ETag', 'Location'],
        }),
      },
    },
    async (
      request: FastifyRequest<{
        Params: Static<typeof SessionParams>;
        Body: Static<typeof RegistrationInput>;
      }>,
      reply,
    ) => {
      const { session } = await visibleSession(db, request);
      const organisation = organisationOf(request);
      const t = sessionsMessage.for(request.locale);
      const colleague = await colleagueOf(db, organisation.id, request.body.userId);
      if (!colleague) throw invalidInput({ userId: t('api.userId') });
      const person = { ...colleague, organisationIds: [organisation.id] };
      const context = { publicUrl, locale: request.locale, actorUserId: null };
      const result = await signUpForSession(db, session.id, person, context);
      if (!result.ok) {
        if (result.problem === 'past') throw conflict(t('problem.past'));
        if (result.problem === 'notMember') throw forbidden(t('problem.notMember'));
        throw notFound();
      }
      if (!result.isNew) throw conflict(t('done.already'));
      const id = await registrationIdOf(db, session.id, colleague.id);
      const registration = id === undefined ? undefined : await findRegistration(db, session.id, id);
      if (!registration) throw notFound();
      const body = registrationJson(registration);
      return reply
        .code(201)
        .header('Location', `${request.url.split('?')[0]}/${registration.id}`)
        .header('ETag', digestEtag(body))
        .send(body);
    },
  );

  app.get(
    `${base}/:registrationId`,
    {
      ...sessionsApiRoute,
      schema: {
        ...sessionsApiCommon(
          'Get a sign-up',
          'getKnowledgeSessionRegistration',
          'A confirmed place or a place on the waiting list, with its ETag; a withdrawn sign-up is gone.',
        ),
        params: RegistrationParams,
        response: apiResponses('The sign-up', Type.Ref(Registration), [...errors], {
          headers: ['ETag'],
          notModified: true,
        }),
      },
    },
    async (request: RegistrationRequest, reply) => {
      const { registration } = await visibleRegistration(request);
      const body = registrationJson(registration);
      return sendTagged(request, reply, digestEtag(body), body);
    },
  );

  app.delete(
    `${base}/:registrationId`,
    {
      ...sessionsApiRoute,
      schema: {
        ...sessionsApiCommon(
          'Withdraw a sign-up',
          'withdrawKnowledgeSessionRegistration',
          'Needs a read-write token of the organisation the sign-up is for, and If-Match. A freed place goes to the first on the waiting list, who is told by e-mail.',
        ),
        params: RegistrationParams,
        response: apiDeleteResponses([...errors, 412, 422, 428]),
      },
    },
    async (request: RegistrationRequest, reply) => {
      const { session, registration, own } = await visibleRegistration(request);
      if (!own) throw forbidden('Only the organisation of the person signed up withdraws a sign-up.');
      requireIfMatchTag(request, digestEtag(registrationJson(registration)));
      const context = { publicUrl, locale: request.locale, actorUserId: null };
      const result = await cancelRegistration(db, session.id, registration.userId, context);
      if (!result.ok) throw notFound();
      return reply.code(204).send();
    },
  );
}
