import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { apiDeleteResponses, apiPrefix, apiResponses } from '../../core/http/api.ts';
import {
  cursorAfter,
  invalidInput,
  pageOf,
  PageQuery,
  preconditionFailed,
  requireIfMatch,
  sendPage,
  sendVersioned,
  etagOf,
} from '../../core/http/api-resources.ts';
import { conflict, notFound } from '../../core/http/errors.ts';
import { organisationOf } from '../../core/http/context.ts';
import { registryFields } from './registries-fields.ts';
import { entriesAfter, findEntry, type EntryRow } from './registries.queries.ts';
import { valueContext } from './registries-context.ts';
import { createEntry, deleteEntry, updateEntry, type SaveResult } from './registries.service.ts';
import { registryKinds, type RegistryKind } from './registries.tables.ts';
import { parseEntry, rawOf, type Raw } from './registries-values.ts';
import { registryMessage } from './registries.messages.ts';

const Entry = Type.Object(
  {
    id: Type.Integer(),
    register: Type.String({ enum: [...registryKinds] }),
    name: Type.String(),
    version: Type.Integer({ description: 'Goes up on every change; the ETag is "v" and this number' }),
    updatedAt: Type.String({ format: 'date-time' }),
    fields: Type.Record(Type.String(), Type.String(), {
      description:
        'Every field of the register by its key, as text in the format of the register’s CSV export ' +
        '(ja/nee, codes, ISO dates, Dutch or plain numbers); the same checks as the form apply',
    }),
  },
  { $id: 'RegisterEntry' },
);
const EntryPage = pageOf(Type.Ref(Entry), 'RegisterEntryPage');
const EntryBody = Type.Object(
  {
    fields: Type.Record(Type.String({ maxLength: 100 }), Type.String({ maxLength: 10_000 }), {
      description: 'The fields by key, as text; a field left out is empty (the whole entry is replaced)',
    }),
  },
  { $id: 'RegisterEntryInput', additionalProperties: false },
);
const RegisterParams = Type.Object({
  code: Type.String({ pattern: '^[A-Za-z]{2,4}\\d{0,4}$', example: 'GM0599' }),
  register: Type.String({ enum: [...registryKinds], description: 'Which register' }),
});
const EntryParams = Type.Object({ ...RegisterParams.properties, id: Type.Integer({ minimum: 1 }) });
const ListQuery = Type.Object({
  ...PageQuery.properties,
  name: Type.Optional(Type.String({ maxLength: 100, description: 'Only entries whose name contains this' })),
});

type ListRequest = FastifyRequest<{
  Params: Static<typeof RegisterParams>;
  Querystring: Static<typeof ListQuery>;
}>;
type EntryRequest = FastifyRequest<{ Params: Static<typeof EntryParams>; Body: Static<typeof EntryBody> }>;

const asJson = (entry: EntryRow) => ({
  id: entry.id,
  register: entry.registry,
  name: entry.name,
  version: entry.version,
  updatedAt: entry.updatedAt.toISOString(),
  fields: rawOf(registryFields[entry.registry], entry.data),
});

const common = (summary: string, operationId: string, description: string) => ({
  summary,
  description,
  operationId,
  tags: ['registers'],
  security: [{ organisationToken: [] }],
});

/**
 * The registers through the API: read with a token that reaches them, changed with a read-write
 * one, through the same parsing and the same services as the forms, so the same checks apply.
 */
export function registerRegistryApi(app: FastifyInstance): void {
  const { db } = app.services.database;
  for (const schema of [Entry, EntryPage, EntryBody]) app.addSchema(schema);
  const route = { config: { access: access.organisationApi('registers') } };
  const base = `${apiPrefix}/organisations/:code/registers/:register/entries`;

  app.get(
    base,
    {
      ...route,
      schema: {
        ...common('List a register’s entries', 'listRegisterEntries', 'In the order they were made.'),
        params: RegisterParams,
        querystring: ListQuery,
        response: apiResponses('A page of entries', Type.Ref(EntryPage), [400, 401, 403, 404], {
          headers: ['Link'],
        }),
      },
    },
    async (request: ListRequest, reply) => {
      const scope = { organisationId: organisationOf(request).id, registry: registerOf(request) };
      const size = request.query.pageSize ?? 20;
      const rows = await entriesAfter(
        db,
        scope,
        cursorAfter(request.query.cursor),
        size + 1,
        request.query.name,
      );
      return sendPage(request, reply, rows.map(asJson), size);
    },
  );

  app.post(
    base,
    {
      ...route,
      schema: {
        ...common('Add an entry', 'createRegisterEntry', 'Needs a read-write token.'),
        params: RegisterParams,
        body: Type.Ref(EntryBody),
        response: apiResponses('The new entry', Type.Ref(Entry), [400, 401, 403, 404, 409, 422], {
          status: 201,
          headers: ['ETag', 'Location'],
        }),
      },
    },
    async (request: EntryRequest, reply) => {
      const registry = registerOf(request);
      const input = await inputOf(request, registry);
      const saved = await createEntry(db, input);
      const entry = await savedEntry(request, registry, saved);
      return reply
        .code(201)
        .header('Location', `${request.url.split('?')[0]}/${entry.id}`)
        .header('ETag', etagOf(entry.version))
        .send(asJson(entry));
    },
  );

  app.get(
    `${base}/:id`,
    {
      ...route,
      schema: {
        ...common('Get an entry', 'getRegisterEntry', 'With its version as ETag.'),
        params: EntryParams,
        response: apiResponses('The entry', Type.Ref(Entry), [400, 401, 403, 404], {
          headers: ['ETag'],
          notModified: true,
        }),
      },
    },
    async (request: EntryRequest, reply) => {
      const entry = await entryOf(request);
      return sendVersioned(request, reply, entry.version, asJson(entry));
    },
  );

  app.put(
    `${base}/:id`,
    {
      ...route,
      schema: {
        ...common('Replace an entry', 'replaceRegisterEntry', 'Needs a read-write token and If-Match.'),
        params: EntryParams,
        body: Type.Ref(EntryBody),
        response: apiResponses(
          'The entry as saved',
          Type.Ref(Entry),
          [400, 401, 403, 404, 409, 412, 422, 428],
          {
            headers: ['ETag'],
          },
        ),
      },
    },
    async (request: EntryRequest, reply) => {
      const registry = registerOf(request);
      const current = await entryOf(request);
      const version = requireIfMatch(request, current.version);
      const saved = await updateEntry(db, current.id, version, await inputOf(request, registry));
      const entry = await savedEntry(request, registry, saved);
      return reply.header('ETag', etagOf(entry.version)).send(asJson(entry));
    },
  );

  app.delete(
    `${base}/:id`,
    {
      ...route,
      schema: {
        ...common('Delete an entry', 'deleteRegisterEntry', 'Needs a read-write token and If-Match.'),
        params: EntryParams,
        response: apiDeleteResponses([400, 401, 403, 404, 412, 422, 428]),
      },
    },
    async (request: EntryRequest, reply: FastifyReply) => {
      const current = await entryOf(request);
      requireIfMatch(request, current.version);
      const scope = { organisationId: current.organisationId, registry: current.registry, id: current.id };
      if (!(await deleteEntry(db, { ...scope, actorUserId: null }))) throw notFound();
      return reply.code(204).send();
    },
  );

  function registerOf(request: FastifyRequest<{ Params: { register: string } }>): RegistryKind {
    const kind = registryKinds.find((k) => k === request.params.register);
    if (!kind) throw notFound();
    return kind;
  }

  async function entryOf(request: EntryRequest): Promise<EntryRow> {
    const entry = await findEntry(db, organisationOf(request).id, registerOf(request), request.params.id);
    if (!entry) throw notFound();
    return entry;
  }

  async function inputOf(request: EntryRequest, registry: RegistryKind) {
    const organisationId = organisationOf(request).id;
    const raw: Raw = request.body.fields;
    const unknown = Object.keys(raw).filter((key) => !registryFields[registry].some((f) => f.key === key));
    if (unknown.length > 0)
      throw invalidInput(
        Object.fromEntries(unknown.map((key) => [`fields.${key}`, 'Not a field of this register'])),
      );
    const context = await valueContext(db, organisationId);
    const parsed = parseEntry(request.locale, registry, registryFields[registry], raw, context);
    if (!parsed.ok)
      throw invalidInput(
        Object.fromEntries(Object.entries(parsed.errors).map(([k, v]) => [`fields.${k}`, v])),
      );
    return { organisationId, registry, name: parsed.name, data: parsed.data, actorUserId: null };
  }

  async function savedEntry(request: EntryRequest, registry: RegistryKind, saved: SaveResult) {
    if (!saved.ok) {
      if (saved.problem === 'notFound') throw notFound();
      if (saved.problem === 'conflict') throw preconditionFailed(saved.current.version);
      throw conflict(registryMessage(request.locale, 'form.duplicateName'));
    }
    const entry = await findEntry(db, organisationOf(request).id, registry, saved.id);
    if (!entry) throw notFound();
    return entry;
  }
}
