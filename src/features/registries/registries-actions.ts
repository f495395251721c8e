import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import type { Db } from '../../core/db/database.ts';
import { notFound } from '../../core/http/errors.ts';
import { pageContext } from '../../core/render/layout.ts';
import { getActiveStrategy } from '../strategy/index.ts';
import { entryPage, type LinkableAction } from './registries-entry.views.ts';
import { findEntry, linkedActionIds } from './registries.queries.ts';
import { setLinkedActions } from './registries.service.ts';
import type { RegistryKind } from './registries.tables.ts';
import { registryPath } from './registries-shared.views.ts';
import { registryMessage } from './registries.messages.ts';
import { idParam } from '../../core/http/params.ts';
import { contentTypes } from '../../core/http/content-types.ts';

/** The actions of the organisation's active strategy, and which of them rely on this entry. */
export async function entryActions(db: Db, organisationId: number, entryId: number) {
  const strategy = await getActiveStrategy(db, organisationId);
  const available: LinkableAction[] = (strategy?.actions ?? []).map((a) => ({ id: a.id, title: a.title }));
  return { available, linked: await linkedActionIds(db, entryId) };
}

function actionIdsOf(body: unknown): number[] | undefined {
  const raw =
    typeof body === 'object' && body !== null
      ? Object.entries(body).find(([k]) => k === 'actionIds')?.[1]
      : undefined;
  const list: unknown[] = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const ids = list.map((v) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : Number.NaN));
  return ids.some((n) => Number.isNaN(n)) ? undefined : [...new Set(ids)];
}

/** Editors pick which actions of the active strategy rely on a register entry. */
export function registerActionLinkRoute(app: FastifyInstance, registry: RegistryKind): void {
  const { db } = app.services.database;
  app.post<{ Params: { code: string; id: string } }>(
    `/o/:code/registers/${registry}/:id/actions`,
    { config: { access: access.organisation('editor') } },
    async (request: FastifyRequest<{ Params: { code: string; id: string } }>, reply) => {
      const organisation = request.organisation;
      const user = request.user;
      if (!organisation || !user) throw notFound();
      const id = idParam(request.params.id);
      const entry = await findEntry(db, organisation.id, registry, id);
      if (!entry) throw notFound();
      const chosen = actionIdsOf(request.body);
      const result =
        chosen === undefined
          ? undefined
          : await setLinkedActions(
              db,
              { organisationId: organisation.id, registry, entryId: entry.id, actorUserId: user.id },
              chosen,
            );
      if (result && !result.ok && result.problem !== 'unknownAction') throw notFound();
      if (!result || !result.ok) {
        const actions = await entryActions(db, organisation.id, entry.id);
        const page = entryPage(pageContext(request), {
          organisation,
          registry: registry,
          entry,
          actions: { ...actions, error: registryMessage.for(request.locale)('actions.unknown') },
        });
        return reply.code(400).type(contentTypes.html).send(page);
      }
      return reply.redirect(`${registryPath(organisation, registry)}/${entry.id}?notice=linked`, 303);
    },
  );
}
