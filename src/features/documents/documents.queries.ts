import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { documentVersions, type DocumentFormat, type DocumentKind } from './documents.tables.ts';

export type VersionRow = Omit<typeof documentVersions.$inferSelect, 'data'>;

const listed = {
  id: documentVersions.id,
  organisationId: documentVersions.organisationId,
  kind: documentVersions.kind,
  subjectId: documentVersions.subjectId,
  version: documentVersions.version,
  format: documentVersions.format,
  title: documentVersions.title,
  fileName: documentVersions.fileName,
  locale: documentVersions.locale,
  sizeBytes: documentVersions.sizeBytes,
  createdByUserId: documentVersions.createdByUserId,
  createdByName: documentVersions.createdByName,
  createdAt: documentVersions.createdAt,
};

/** The next version number of a subject's document (1 for the first). */
export async function nextVersionNumber(
  db: Db,
  organisationId: number,
  kind: DocumentKind,
  subjectId: number,
): Promise<number> {
  const [row] = await db
    .select({ highest: sql<number>`coalesce(max(${documentVersions.version}), 0)::int` })
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.organisationId, organisationId),
        eq(documentVersions.kind, kind),
        eq(documentVersions.subjectId, subjectId),
      ),
    );
  return (row?.highest ?? 0) + 1;
}

export interface NewVersion {
  organisationId: number;
  kind: DocumentKind;
  subjectId: number;
  version: number;
  format: DocumentFormat;
  title: string;
  fileName: string;
  locale: string;
  data: Buffer;
  createdByUserId: number;
  createdByName: string;
}

export async function insertVersion(tx: Db, version: NewVersion): Promise<number> {
  const [row] = await tx
    .insert(documentVersions)
    .values({ ...version, sizeBytes: version.data.length })
    .returning({ id: documentVersions.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** Versions of an organisation, newest first; optionally of one subject. Never the bytes. */
export async function listVersions(
  db: Db,
  organisationId: number,
  subject?: { kind: DocumentKind; subjectId: number },
): Promise<VersionRow[]> {
  const conditions = [eq(documentVersions.organisationId, organisationId)];
  if (subject) {
    conditions.push(
      eq(documentVersions.kind, subject.kind),
      eq(documentVersions.subjectId, subject.subjectId),
    );
  }
  return db
    .select(listed)
    .from(documentVersions)
    .where(and(...conditions))
    .orderBy(desc(documentVersions.createdAt), desc(documentVersions.id));
}

/** One version with its bytes, only if it belongs to the organisation: another's id finds nothing. */
export async function findVersion(db: Db, organisationId: number, id: number) {
  const [row] = await db
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.id, id), eq(documentVersions.organisationId, organisationId)));
  return row;
}

/**
 * A page of an organisation's versions, newest first: those with an id below `beforeId` (0 for the
 * first page), at most `limit`; optionally of one kind. Never the bytes.
 */
export async function versionsBefore(
  db: Db,
  organisationId: number,
  beforeId: number,
  limit: number,
  kind?: DocumentKind,
): Promise<VersionRow[]> {
  const conditions = [eq(documentVersions.organisationId, organisationId)];
  if (beforeId > 0) conditions.push(lt(documentVersions.id, beforeId));
  if (kind) conditions.push(eq(documentVersions.kind, kind));
  return db
    .select(listed)
    .from(documentVersions)
    .where(and(...conditions))
    .orderBy(desc(documentVersions.id))
    .limit(limit);
}
