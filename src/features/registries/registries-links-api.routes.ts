import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { apiPrefix, apiResponses } from '../../core/http/api.ts';
import {
  etagOf,
  invalidInput,
  preconditionFailed,
  requireIfMatch,
  sendVersioned,
} from '../../core/http/api-resources.ts';
import { organisationOf } from '../../core/http/context.ts';
import { notFound } from '../../core/http/errors.ts';
import { getStrategy } from '../strategy/index.ts';
import { registryMessage } from './registries.messages.ts';
import { entriesLinkedTo, findEntry, linkedActions, type EntryRow } from './registries.queries.ts';
import { setLinkedActions } from './registries.service.ts';
import { registryKinds } from './registries.tables.ts';

const LinkedAction = Type.Object({
  id: Type.Integer(),
  strategyId: Type.Integer(),
  title: Type.String(),
  href: Type.String({ format: 'uri-reference', description: 'The action in this API' }),
});
const EntryActions = Type.Object(
  {
    items: Type.Array(LinkedAction, {
      description: 'The strategy actions that rely on this entry, in id order',
    }),
  },
  { $id: 'RegisterEntryActions' },
);
const EntryActionsInput = Type.Object(
  {
    actionIds: Type.Array(Type.Integer({ minimum: 1 }), {
      maxItems: 1000,
      description:
        'Every action that relies on the entry (the whole choice: a link left out is removed); only ' +
        'actions of the active strategy',
    }),
  },
  { $id: 'RegisterEntryActionsInput', additionalProperties: false },
);
const LinkedEntry = Type.Object({
  register: Type.String({ enum: [...registryKinds] }),
  id: Type.Integer(),
  name: Type.String(),
  href: Type.String({ format: 'uri-reference', description: 'The entry in this API' }),
});
const ActionEntries = Type.Object(
  {
    items: Type.Array(LinkedEntry, {
      description: 'The register entries this action relies on, by register and name',
    }),
  },
  { $id: 'StrategyActionRegisterEntries' },
);

const code = Type.String({ pattern: '^[A-Za-z]{2,4}\\d{0,4}$', example: 'GM0599' });
const EntryParams = Type.Object({
  code,
  register: Type.String({ enum: [...registryKinds], description: 'Which register' }),
  id: Type.Integer({ minimum: 1 }),
});
const ActionParams = Type.Object({
  code,
  strategyId: Type.Integer({ minimum: 1 }),
  actionId: Type.Integer({ minimum: 1 }),
});

type EntryRequest = FastifyRequest<{
  Params: Static<typeof EntryParams>;
  Body: Static<typeof EntryActionsInput>;
}>;

const common = (summary: string, operationId: string, description: string) => ({
  summary,
  description,
  operationId,
  tags: ['registers'],
  security: [{ organisationToken: [] }],
});

/**
 * The links between register entries and the strategy actions that rely on them (decision 0031).
 * A link belongs to the entry, as on the entry's page: it is read and replaced there, under the
 * entry's ETag, and an action lists its entries. Both need a token that reaches the registers.
 */
export function registerRegistryLinksApi(app: FastifyInstance): void {
  const { db } = app.services.database;
  for (const schema of [EntryActions, EntryActionsInput, ActionEntries]) app.addSchema(schema);
  const route = { config: { access: access.organisationApi('registers') } };
  const organisationBase = `${apiPrefix}/organisations/:code`;
  const path = `${organisationBase}/registers/:register/entries/:id/actions`;

  async function entryOf(request: EntryRequest): Promise<EntryRow> {
    const registry = registryKinds.find((k) => k === request.params.register);
    const entry = registry && (await findEntry(db, organisationOf(request).id, registry, request.params.id));
    if (!entry) throw notFound();
    return entry;
  }

  async function actionsOf(request: EntryRequest, entry: EntryRow) {
    const organisation = organisationOf(request);
    const rows = await linkedActions(db, organisation.id, entry.id);
    return {
      items: rows.map((a) => ({
        ...a,
        href: `${organisationBase.replace(':code', organisation.code)}/strategies/${a.strategyId}/actions/${a.id}`,
      })),
    };
  }

  app.get(
    path,
    {
      ...route,
      schema: {
        ...common(
          'List the actions that rely on an entry',
          'listRegisterEntryActions',
          'The ETag is the entry’s: the links are part of it.',
        ),
        params: EntryParams,
        response: apiResponses('The linked actions', Type.Ref(EntryActions), [400, 401, 403, 404], {
          headers: ['ETag'],
          notModified: true,
        }),
      },
    },
    async (request: EntryRequest, reply) => {
      const entry = await entryOf(request);
      return sendVersioned(request, reply, entry.version, await actionsOf(request, entry));
    },
  );

  app.put(
    path,
    {
      ...route,
      schema: {
        ...common(
          'Replace the actions that rely on an entry',
          'replaceRegisterEntryActions',
          'Needs a read-write token and If-Match with the entry’s ETag; the entry’s version goes up. ' +
            'Only actions of the active strategy can be linked, as on the entry’s page.',
        ),
        params: EntryParams,
        body: Type.Ref(EntryActionsInput),
        response: apiResponses(
          'The linked actions as saved',
          Type.Ref(EntryActions),
          [400, 401, 403, 404, 412, 422, 428],
          { headers: ['ETag'] },
        ),
      },
    },
    async (request: EntryRequest, reply) => {
      const current = await entryOf(request);
      const version = requireIfMatch(request, current.version);
      const result = await setLinkedActions(
        db,
        {
          organisationId: current.organisationId,
          registry: current.registry,
          entryId: current.id,
          actorUserId: null,
          expectedVersion: version,
        },
        request.body.actionIds,
      );
      if (!result.ok) {
        if (result.problem === 'conflict') throw preconditionFailed(result.current.version);
        if (result.problem === 'notFound') throw notFound();
        throw invalidInput({ actionIds: registryMessage(request.locale, 'actions.unknown') });
      }
      reply.header('ETag', etagOf(result.version));
      return actionsOf(request, current);
    },
  );

  app.get(
    `${organisationBase}/strategies/:strategyId/actions/:actionId/register-entries`,
    {
      ...route,
      schema: {
        ...common(
          'List the register entries an action relies on',
          'listStrategyActionRegisterEntries',
          'Needs a token that reaches the registers; the links are changed on the entry.',
        ),
        params: ActionParams,
        response: apiResponses('The linked entries', Type.Ref(ActionEntries), [400, 401, 403, 404]),
      },
    },
    async (request: FastifyRequest<{ Params: Static<typeof ActionParams> }>) => {
      const organisation = organisationOf(request);
      const strategy = await getStrategy(db, organisation.id, request.params.strategyId);
      const action = strategy?.actions.find((a) => a.id === request.params.actionId);
      if (!action) throw notFound();
      const rows = await entriesLinkedTo(db, organisation.id, action.id);
      const base = `${organisationBase.replace(':code', organisation.code)}/registers`;
      return {
        items: rows.map((e) => ({
          register: e.registry,
          id: e.id,
          name: e.name,
          href: `${base}/${e.registry}/entries/${e.id}`,
        })),
      };
    },
  );
}
