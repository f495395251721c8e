import type { FastifyRequest } from 'fastify';
import type { OrganisationScope } from '../../core/http/context.ts';
import { notFound } from '../../core/http/errors.ts';
import { findScan, type ScanRow } from './scan.queries.ts';

export type ScanParams = { Params: { code: string; scanId: string | number; themeId?: string } };

export function organisationOf(request: FastifyRequest): OrganisationScope {
  if (!request.organisation) throw notFound();
  return request.organisation;
}

/** The scan of the route, only if it belongs to the route's organisation; otherwise 404. */
export async function scanOf(
  request: FastifyRequest<ScanParams>,
): Promise<{ organisation: OrganisationScope; scan: ScanRow }> {
  const organisation = organisationOf(request);
  const id = Number(request.params.scanId);
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound();
  const scan = await findScan(request.server.services.database.db, organisation.id, id);
  if (!scan) throw notFound();
  return { organisation, scan };
}

export function userIdOf(request: FastifyRequest): number {
  if (!request.user) throw notFound();
  return request.user.id;
}
