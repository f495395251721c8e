import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { renderDocx } from './document-docx.ts';
import { renderOdt } from './document-odt.ts';
import type { DocumentModel } from './document.model.ts';
import { renderPdf } from './document-pdf.ts';
import { insertVersion, nextVersionNumber } from './documents.queries.ts';
import type { DocumentFormat, DocumentKind } from './documents.tables.ts';

/** The renderers by format; a test swaps one for a failing one to check the failure path. */
export const renderers: Record<DocumentFormat, (model: DocumentModel) => Promise<Buffer>> = {
  docx: renderDocx,
  pdf: renderPdf,
  odt: renderOdt,
};

export interface ExportRequest {
  organisation: { id: number; code: string };
  kind: DocumentKind;
  subjectId: number;
  format: DocumentFormat;
  actor: { id: number; name: string };
  /** Builds the content for the version number and date it will carry on its title page. */
  build: (version: number, createdAt: Date) => Promise<DocumentModel>;
}

export interface ExportedVersion {
  id: number;
  version: number;
}

/** "Resultaten zelfscan 2026" → "resultaten-zelfscan-2026": safe in every file system and header. */
function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

export function fileNameOf(title: string, code: string, version: number, format: DocumentFormat): string {
  return `${slug(title) || 'document'}-${code.toLowerCase()}-v${version}.${format}`;
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error || (typeof e === 'object' && e !== null);) {
    if ('code' in e && e.code === '23505') return true;
    e = 'cause' in e ? e.cause : undefined;
  }
  return false;
}

/**
 * Builds, renders and keeps one numbered version. Rendering takes up to a second, so it happens
 * outside the transaction; two exports of the same subject at once may pick the same number, and
 * then the second one renders again with the next number.
 */
export async function exportDocument(db: Db, request: ExportRequest): Promise<ExportedVersion> {
  const { organisation, kind, subjectId, format, actor } = request;
  for (let attempt = 0; ; attempt++) {
    const version = await nextVersionNumber(db, organisation.id, kind, subjectId);
    const model = await request.build(version, new Date());
    const data = await renderers[format](model);
    try {
      const id = await db.transaction(async (tx) => {
        const inserted = await insertVersion(tx, {
          organisationId: organisation.id,
          kind,
          subjectId,
          version,
          format,
          title: model.title,
          fileName: fileNameOf(model.title, organisation.code, version, format),
          locale: model.locale,
          data,
          createdByUserId: actor.id,
          createdByName: actor.name,
        });
        await recordAudit(tx, {
          actorUserId: actor.id,
          organisationId: organisation.id,
          action: 'document.exported',
          details: { kind, subjectId, version, format, bytes: data.length },
        });
        return inserted;
      });
      return { id, version };
    } catch (error) {
      if (attempt < 2 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}
