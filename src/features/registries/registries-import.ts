import type { Db } from '../../core/db/database.ts';
import type { Locale } from '../../core/i18n/i18n.ts';
import type { TaskRunner } from '../../core/workers/worker-tasks.ts';
import { registryFields } from './registries-fields.ts';
import { readSheet } from './registries-io.ts';
import { registryMessage } from './registries.messages.ts';
import { importEntries } from './registries.service.ts';
import type { EntryData, RegistryKind } from './registries.tables.ts';
import { parseEntry, type ValueContext } from './registries-values.ts';

/** One line of the error report: the spreadsheet row (0 for the file itself) and what to correct. */
export interface ImportError {
  line: number;
  message: string;
}

export type ImportOutcome =
  { ok: true; created: number; updated: number } | { ok: false; errors: ImportError[] };

export const maxImportRows = 5000;
/** Far more than any register's template has; a sheet with more columns of data is not an export of ours. */
export const maxImportColumns = 50;

function headerErrors(locale: Locale, registry: RegistryKind, header: string[]): ImportError[] {
  const fields = registryFields[registry];
  const known = new Set(fields.map((f) => f.key));
  const errors: ImportError[] = header
    .filter((column) => column !== '' && !known.has(column))
    .map((column) => ({ line: 1, message: registryMessage(locale, 'import.unknownColumn', { column }) }));
  for (const field of fields.filter((f) => f.isRequired && !header.includes(f.key)))
    errors.push({ line: 1, message: registryMessage(locale, 'import.missingColumn', { column: field.key }) });
  return errors;
}

/** Checks every row first and writes only when all are valid, in one transaction: all or nothing. */
export async function importFile(
  db: Db,
  locale: Locale,
  scope: { organisationId: number; registry: RegistryKind; actorUserId: number | null },
  data: Buffer,
  context: ValueContext,
  runner: TaskRunner,
): Promise<ImportOutcome> {
  const sheet = await readSheet(runner, data, { maxRows: maxImportRows, maxColumns: maxImportColumns });
  if (typeof sheet === 'string')
    return { ok: false, errors: [{ line: 0, message: registryMessage(locale, `import.file.${sheet}`) }] };
  const errors = headerErrors(locale, scope.registry, sheet.header);
  if (errors.length > 0) return { ok: false, errors };
  if (sheet.rows.length === 0)
    return { ok: false, errors: [{ line: 0, message: registryMessage(locale, 'import.file.empty') }] };
  if (sheet.rows.length > maxImportRows)
    return {
      ok: false,
      errors: [{ line: 0, message: registryMessage(locale, 'import.tooMany', { max: maxImportRows }) }],
    };
  const valid: { name: string; data: EntryData }[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of sheet.rows) {
    const parsed = parseEntry(locale, scope.registry, registryFields[scope.registry], row.raw, context);
    if (!parsed.ok) {
      for (const message of Object.values(parsed.errors)) errors.push({ line: row.line, message });
      continue;
    }
    const earlier = firstLineOf.get(parsed.name);
    if (earlier !== undefined)
      errors.push({
        line: row.line,
        message: registryMessage(locale, 'import.duplicate', { name: parsed.name, line: earlier }),
      });
    firstLineOf.set(parsed.name, earlier ?? row.line);
    valid.push({ name: parsed.name, data: parsed.data });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, ...(await importEntries(db, scope, valid)) };
}
