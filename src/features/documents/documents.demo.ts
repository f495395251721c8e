import { Type } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import { loadDemoContent, oneOf } from '../../core/content/demo-content.ts';
import type { Db } from '../../core/db/database.ts';
import { organisations } from '../../core/db/core.tables.ts';
import { latestSubmittedScan } from '../scan/index.ts';
import { getActiveStrategy } from '../strategy/index.ts';
import {
  scanDocumentBuilder,
  strategyDocumentBuilder,
  type DocumentOrganisation,
} from './documents-build.ts';
import { listVersions } from './documents.queries.ts';
import { exportDocument } from './documents.service.ts';
import { inlineRunner } from '../../core/workers/worker-tasks.ts';
import { documentFormats, type DocumentKind } from './documents.tables.ts';
import { loadScan } from './scan-document-data.ts';

/**
 * Demo documents, made through the same service as the screens: Rotterdam's strategy document in
 * two versions (the PDF that "went to the council" and a later DOCX to edit) and its scan results;
 * Den Haag's scan results in Word; the province's strategy document. Delft (a draft scan) and the
 * others have none: the empty state. Idempotent: a subject that has versions is left alone.
 */
const DemoDocuments = Type.Object(
  {
    documents: Type.Array(
      Type.Object(
        {
          organisation: Type.String({ minLength: 1 }),
          author: Type.String({ minLength: 3 }),
          // Council letters are drafted for a period; the demo has none.
          kind: oneOf(['strategy', 'scan-results'] as const),
          exports: Type.Array(
            Type.Object(
              { format: oneOf(documentFormats), locale: oneOf(['nl', 'en']) },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

async function organisationOf(db: Db, code: string): Promise<DocumentOrganisation | undefined> {
  const [row] = await db
    .select({
      id: organisations.id,
      code: organisations.code,
      kind: organisations.kind,
      displayName: organisations.displayName,
    })
    .from(organisations)
    .where(eq(organisations.code, code));
  return row;
}

async function latestScanOf(db: Db, organisationId: number) {
  const row = await latestSubmittedScan(db, organisationId);
  return row ? loadScan(db, organisationId, row.id) : undefined;
}

/** The plan's subject and how to build its document; undefined when the organisation has none. */
async function subjectOf(db: Db, organisation: DocumentOrganisation, kind: DocumentKind) {
  if (kind === 'strategy') {
    const strategy = await getActiveStrategy(db, organisation.id);
    return strategy && { subjectId: strategy.id, build: strategyDocumentBuilder(db, organisation, strategy) };
  }
  const scan = await latestScanOf(db, organisation.id);
  return scan && { subjectId: scan.row.id, build: scanDocumentBuilder(db, organisation, scan) };
}

export async function seedDemoDocuments(db: Db): Promise<{ created: number }> {
  let created = 0;
  for (const plan of loadDemoContent('documents', DemoDocuments).documents) {
    const organisation = await organisationOf(db, plan.organisation);
    const [author] = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.email, plan.author));
    if (!organisation || !author)
      throw new Error(`Demo data: no ${plan.organisation} or no account ${plan.author}`);
    const subject = await subjectOf(db, organisation, plan.kind);
    if (!subject) continue;
    const existing = await listVersions(db, organisation.id, {
      kind: plan.kind,
      subjectId: subject.subjectId,
    });
    if (existing.length > 0) continue;
    for (const e of plan.exports) {
      await exportDocument(db, {
        organisation,
        kind: plan.kind,
        subjectId: subject.subjectId,
        format: e.format,
        actor: author,
        build: (version, createdAt) => subject.build(e.locale, version, createdAt),
        // The demo seed runs from the command line, without the app's worker pool.
        runner: inlineRunner,
      });
      created++;
    }
  }
  return { created };
}
