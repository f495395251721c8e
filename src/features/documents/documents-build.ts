import type { Db } from '../../core/db/database.ts';
import type { OrganisationKind } from '../../core/db/core.tables.ts';
import type { Strategy } from '../strategy/index.ts';
import type { DocumentLocale } from './document.model.ts';
import type { DocumentJob } from './document-file.ts';
import { benchmarkPositionOf, type LoadedScan } from './scan-document-data.ts';
import { loadStrategyDocumentData } from './strategy-document-data.ts';
import { documentsMessage } from './documents.messages.ts';

/** What a document needs to know of its organisation (the routes' scope and the demo data both have it). */
export interface DocumentOrganisation {
  id: number;
  code: string;
  kind: OrganisationKind;
  displayName: string;
}

/** Loads what the document shows; the pool then draws and renders it (`buildDocumentFile`). */
export type DocumentBuilder = (
  locale: DocumentLocale,
  version: number,
  createdAt: Date,
) => Promise<DocumentJob>;

/** "Gemeente Rotterdam" on a title page; provinces and regions already carry their full name. */
export function organisationTitle(organisation: DocumentOrganisation, locale: DocumentLocale): string {
  if (organisation.kind !== 'municipality') return organisation.displayName;
  return documentsMessage(locale, 'title.municipality', { name: organisation.displayName });
}

export function scanDocumentBuilder(
  db: Db,
  organisation: DocumentOrganisation,
  scan: LoadedScan,
): DocumentBuilder {
  return async (locale, version, createdAt) => ({
    kind: 'scan-results',
    data: {
      locale,
      organisationName: organisationTitle(organisation, locale),
      scan: scan.facts,
      framework: scan.framework,
      results: scan.results,
      tasks: scan.tasks,
      benchmark: await benchmarkPositionOf(db, organisation.id, scan, locale),
      version,
      createdAt,
    },
  });
}

export function strategyDocumentBuilder(
  db: Db,
  organisation: DocumentOrganisation,
  strategy: Strategy,
): DocumentBuilder {
  return async (locale, version, createdAt) => ({
    kind: 'strategy',
    data: await loadStrategyDocumentData(db, {
      organisationId: organisation.id,
      organisationName: organisationTitle(organisation, locale),
      strategy,
      locale,
      version,
      createdAt,
    }),
  });
}
