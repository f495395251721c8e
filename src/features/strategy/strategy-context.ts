import type { FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import type { OrganisationScope } from '../../core/http/context.ts';
import { notFound } from '../../core/http/errors.ts';
import type { Db } from '../../core/db/database.ts';
import type { Strategy, StrategyAction } from './strategy.model.ts';
import { getActiveStrategy, getStrategy } from './strategy.service.ts';
import { organisationOf, dbOf } from '../../core/http/context.ts';
import { idParam } from '../../core/http/params.ts';

export type StrategyParams = { Params: { code: string; actionId?: string; strategyId?: string } };

/** The organisation's active strategy; 404 when it has none. */
export async function activeStrategyOf(
  request: FastifyRequest,
): Promise<{ organisation: OrganisationScope; strategy: Strategy }> {
  const organisation = organisationOf(request);
  const strategy = await getActiveStrategy(dbOf(request), organisation.id);
  if (!strategy) throw notFound();
  return { organisation, strategy };
}

/** A version of the route's organisation's strategy by id (another organisation's id: 404). */
export async function strategyVersionOf(request: FastifyRequest<StrategyParams>) {
  const organisation = organisationOf(request);
  const strategy = await getStrategy(dbOf(request), organisation.id, idParam(request.params.strategyId));
  if (!strategy) throw notFound();
  return { organisation, strategy };
}

export function actionOf(strategy: Strategy, request: FastifyRequest<StrategyParams>): StrategyAction {
  const id = idParam(request.params.actionId);
  const action = strategy.actions.find((a) => a.id === id);
  if (!action) throw notFound();
  return action;
}

export async function userName(db: Db, userId: number | null): Promise<string | undefined> {
  if (userId === null) return undefined;
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return user?.name;
}
