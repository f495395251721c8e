import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { access } from '../../core/http/access.ts';
import { apiPrefix, apiResponses } from '../../core/http/api.ts';
import { notFound } from '../../core/http/errors.ts';
import { pageContext } from '../../core/render/layout.ts';
import { organisationKinds, type OrganisationKind } from '../../core/db/core.tables.ts';
import { loadDashboardState } from './dashboard.queries.ts';
import { organisationsMessage } from './organisations.messages.ts';
import { findOrganisation, listProvinces, profileOf, searchOrganisations } from './organisations.queries.ts';
import {
  Organisation,
  OrganisationPage,
  OrganisationParams,
  OrganisationQuery,
} from './organisations.schemas.ts';
import {
  dashboardPage,
  directoryPage,
  noMembershipPage,
  profilePage,
  type ProfileData,
} from './organisations.views.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { dbOf, userIdOf } from '../../core/http/context.ts';

const pageSize = 50;
const notices = ['signed-in', 'password-reset', 'invitation-accepted'] as const;

function asKind(value: unknown): OrganisationKind | undefined {
  return organisationKinds.find((k) => k === value);
}

function withMembership(
  request: FastifyRequest,
  profile: Omit<ProfileData, 'isMember'> | undefined,
): ProfileData {
  if (!profile) throw notFound();
  const code = profile.organisation.code;
  return { ...profile, isMember: Boolean(request.user?.memberships.some((m) => m.code === code)) };
}

async function loadProfile(request: FastifyRequest, code: string): Promise<ProfileData> {
  return withMembership(request, await profileOf(dbOf(request), code));
}

export function registerOrganisationRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/organisations',
    { config: { access: access.public } },
    async (request, reply) => {
      const q = (request.query.q ?? '').trim().slice(0, 100);
      const province = /^PV\d{2}$/.test(request.query.province ?? '') ? (request.query.province ?? '') : '';
      const kind = asKind(request.query.kind);
      const page = Math.max(1, Math.min(1000, Number.parseInt(request.query.page ?? '1', 10) || 1));
      const result = await searchOrganisations(db, {
        q,
        province: province || undefined,
        kind,
        page,
        pageSize,
      });
      const data = {
        q,
        province,
        kind: kind ?? '',
        page,
        pages: Math.max(1, Math.ceil(result.total / pageSize)),
        total: result.total,
        items: result.items,
        provinces: await listProvinces(db),
      };
      return reply.type(contentTypes.html).send(directoryPage(pageContext(request), data));
    },
  );

  app.get<{ Params: { code: string } }>(
    '/organisations/:code',
    { config: { access: access.public } },
    async (request, reply) =>
      reply
        .type(contentTypes.html)
        .send(profilePage(pageContext(request), await loadProfile(request, request.params.code))),
  );

  app.get('/dashboard', { config: { access: access.signedIn } }, async (request, reply) => {
    const first = request.user?.memberships[0];
    const query = new URLSearchParams(request.query as Record<string, string>).toString();
    // A coordinator who works for no municipality (the province's or MRDH's own staff) lands in the
    // workspace of the network they coordinate; anyone with a municipality lands there as before.
    const network = request.user?.coordinatorOf[0];
    const isOnlyCoordinator = request.user?.memberships.every((m) => m.kind !== 'municipality');
    if (network && isOnlyCoordinator)
      return reply.redirect(`/networks/${network}${query ? `?${query}` : ''}`, 303);
    if (first) return reply.redirect(`/o/${first.code}${query ? `?${query}` : ''}`, 303);
    if (request.user?.isPlatformAdmin) return reply.redirect('/admin', 303);
    return reply.type(contentTypes.html).send(noMembershipPage(pageContext(request)));
  });

  app.get<{ Querystring: { code?: string } }>(
    '/switch-organisation',
    { config: { access: access.signedIn } },
    async (request, reply) => {
      const target = request.user?.memberships.find((m) => m.code === request.query.code);
      return reply.redirect(target ? `/o/${target.code}` : '/dashboard', 303);
    },
  );

  app.get<{ Params: { code: string }; Querystring: { notice?: string } }>(
    '/o/:code',
    { config: { access: access.organisation('viewer') } },
    async (request, reply) => {
      const organisation = request.organisation;
      if (!organisation) throw notFound();
      const notice = notices.find((n) => n === request.query.notice);
      // Both from memory while the organisation's data is unchanged (decision 0027).
      const kept = app.services.organisationData;
      const profile = await kept.get(organisation.id, 'profile', () => profileOf(db, organisation.code));
      const state = await loadDashboardState(db, kept, organisation.id, userIdOf(request));
      return reply.type(contentTypes.html).send(
        dashboardPage(pageContext(request), {
          organisation,
          profile: withMembership(request, profile),
          state,
          notice: notice ? organisationsMessage(request.locale, `notice.${notice}`) : undefined,
          offersBrigade: organisation.role !== 'viewer' && state.hasLowConnectivity,
        }),
      );
    },
  );

  registerOrganisationApi(app);
}

function registerOrganisationApi(app: FastifyInstance): void {
  const { db } = app.services.database;
  app.addSchema(Organisation);
  app.addSchema(OrganisationPage);

  app.get<{ Querystring: Static<typeof OrganisationQuery> }>(
    `${apiPrefix}/organisations`,
    {
      config: { access: access.public },
      schema: {
        summary: 'List organisations',
        operationId: 'listOrganisations',
        description:
          'The municipalities, provinces and regions known to the platform (public reference data).',
        tags: ['organisations'],
        querystring: OrganisationQuery,
        response: apiResponses('A page of organisations', Type.Ref(OrganisationPage), [400]),
      },
    },
    async (request) => {
      const { page, pageSize: size, q, kind, province } = request.query;
      const result = await searchOrganisations(db, { q, kind, province, page, pageSize: size });
      return { ...result, page, pageSize: size };
    },
  );

  app.get<{ Params: Static<typeof OrganisationParams> }>(
    `${apiPrefix}/organisations/:code`,
    {
      config: { access: access.public },
      schema: {
        summary: 'Get one organisation',
        description: 'One municipality, province or region by its code.',
        operationId: 'getOrganisation',
        tags: ['organisations'],
        params: OrganisationParams,
        response: apiResponses('The organisation', Type.Ref(Organisation), [400, 404]),
      },
    },
    async (request) => {
      const organisation = await findOrganisation(db, request.params.code);
      if (!organisation) throw notFound(`No organisation with code ${request.params.code}`);
      // The response schema lists the public fields; Fastify's serializer leaves the internal id out.
      return organisation;
    },
  );
}
