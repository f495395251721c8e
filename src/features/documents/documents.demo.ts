import { and, desc, eq } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import type { Db } from '../../core/db/database.ts';
import { organisations } from '../../core/db/core.tables.ts';
import { scans } from '../scan/index.ts';
import { getActiveStrategy } from '../strategy/index.ts';
import type { DocumentLocale } from './document.model.ts';
import {
  scanDocumentBuilder,
  strategyDocumentBuilder,
  type DocumentOrganisation,
} from './documents-build.ts';
import { listVersions } from './documents.queries.ts';
import { exportDocument } from './documents.service.ts';
import type { DocumentFormat, DocumentKind } from './documents.tables.ts';
import { loadScan } from './scan-document-data.ts';

/**
 * Demo documents, made through the same service as the screens: Rotterdam's strategy document in
 * two versions (the PDF that "went to the council" and a later DOCX to edit) and its scan results;
 * Den Haag's scan results in Word; the province's strategy document. Delft (a draft scan) and the
 * others have none: the empty state. Idempotent: a subject that has versions is left alone.
 */
interface DemoExport {
  code: string;
  author: string;
  kind: DocumentKind;
  exports: { format: DocumentFormat; locale: DocumentLocale }[];
}

const plans: DemoExport[] = [
  {
    code: 'GM0599',
    author: 'noor.bakker@rotterdam.example',
    kind: 'strategy',
    exports: [
      { format: 'pdf', locale: 'nl' },
      { format: 'docx', locale: 'nl' },
    ],
  },
  {
    code: 'GM0599',
    author: 'sander.devries@rotterdam.example',
    kind: 'scan-results',
    exports: [{ format: 'pdf', locale: 'nl' }],
  },
  {
    code: 'GM0518',
    author: 'eva.jansen@denhaag.example',
    kind: 'scan-results',
    exports: [{ format: 'docx', locale: 'nl' }],
  },
  {
    code: 'PV28',
    author: 'anouk.vermeulen@pzh.example',
    kind: 'strategy',
    exports: [{ format: 'docx', locale: 'nl' }],
  },
];

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

async function latestSubmittedScan(db: Db, organisationId: number) {
  const [row] = await db
    .select({ id: scans.id })
    .from(scans)
    .where(and(eq(scans.organisationId, organisationId), eq(scans.status, 'submitted')))
    .orderBy(desc(scans.period), desc(scans.id))
    .limit(1);
  return row ? loadScan(db, organisationId, row.id) : undefined;
}

/** The plan's subject and how to build its document; undefined when the organisation has none. */
async function subjectOf(db: Db, organisation: DocumentOrganisation, kind: DocumentKind) {
  if (kind === 'strategy') {
    const strategy = await getActiveStrategy(db, organisation.id);
    return strategy && { subjectId: strategy.id, build: strategyDocumentBuilder(db, organisation, strategy) };
  }
  const scan = await latestSubmittedScan(db, organisation.id);
  return scan && { subjectId: scan.row.id, build: scanDocumentBuilder(db, organisation, scan) };
}

export async function seedDemoDocuments(db: Db): Promise<{ created: number }> {
  let created = 0;
  for (const plan of plans) {
    const organisation = await organisationOf(db, plan.code);
    const [author] = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.email, plan.author));
    if (!organisation || !author) throw new Error(`Demo data: no ${plan.code} or no account ${plan.author}`);
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
      });
      created++;
    }
  }
  return { created };
}
