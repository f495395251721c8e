import type { FastifyRequest } from 'fastify';
import type { OrganisationScope } from '../../core/http/context.ts';
import { notFound } from '../../core/http/errors.ts';
import { findScan, type ScanRow } from './scan.queries.ts';
import { organisationOf, dbOf } from '../../core/http/context.ts';
import { idParam } from '../../core/http/params.ts';

export type ScanParams = { Params: { code: string; scanId: string | number; themeId?: string } };

/** The scan of the route, only if it belongs to the route's organisation; otherwise 404. */
export async function scanOf(
  request: FastifyRequest<ScanParams>,
): Promise<{ organisation: OrganisationScope; scan: ScanRow }> {
  const organisation = organisationOf(request);
  const id = idParam(request.params.scanId);
  const scan = await findScan(dbOf(request), organisation.id, id);
  if (!scan) throw notFound();
  return { organisation, scan };
}
