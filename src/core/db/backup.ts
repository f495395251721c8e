import fs from 'node:fs';
import { once } from 'node:events';
import readline from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from './database.ts';
import {
  appliedMigrations,
  listTables,
  quoteIdent,
  readSequences,
  rowOrder,
  shippedMigrations,
  summariseTables,
  useStableTextFormat,
  userTables,
  writeSequences,
  type SequenceValue,
  type TableInfo,
  type TableSummary,
} from './table-catalogue.ts';

/**
 * One backup format for both databases (decision 0009): gzipped JSON lines. The first line is a
 * header with the migrations, and per table its row count and checksum; then per table a line
 * `["table", name]` followed by one line per row (`row_to_json`); the last line is `["end"]`.
 * A backup of the embedded database restores into PostgreSQL and the other way round, and moving to
 * PostgreSQL is a backup and a restore.
 *
 * The export reads in one REPEATABLE READ, read-only transaction: a consistent snapshot while the
 * server goes on writing.
 */
export const backupFormat = 'routekaart-backup';
export const backupVersion = 1;

/** A problem the operator can fix (a full target, another version, a damaged file): no stack trace. */
export class BackupError extends Error {}

export interface BackupHeader {
  format: typeof backupFormat;
  version: typeof backupVersion;
  createdAt: string;
  source: Database['kind'];
  migrations: string[];
  tables: TableSummary[];
  sequences: SequenceValue[];
}

const rowsPerFetch = 500;
/** A restore inserts rows in batches of at most this much JSON (uploaded files are up to 10 MB). */
const batchBytes = 8 * 1024 * 1024;

function fileWriter(file: string) {
  const gzip = createGzip();
  const out = fs.createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const finished = once(out, 'close');
  return {
    async line(text: string) {
      if (!gzip.write(`${text}\n`)) await once(gzip, 'drain');
    },
    async close() {
      gzip.end();
      await finished;
    },
  };
}

/** Writes a consistent backup of the database to `file`; returns its header. */
export async function writeBackup(database: Database, file: string): Promise<BackupHeader> {
  const temporary = `${file}.partial`;
  const writer = fileWriter(temporary);
  try {
    const header = await database.db.transaction(
      async (tx) => {
        await useStableTextFormat(tx);
        const tables = await listTables(tx);
        const header: BackupHeader = {
          format: backupFormat,
          version: backupVersion,
          createdAt: new Date().toISOString(),
          source: database.kind,
          migrations: await appliedMigrations(tx),
          tables: await summariseTables(tx, tables),
          sequences: await readSequences(tx),
        };
        await writer.line(JSON.stringify(header));
        for (const table of tables) await exportRows(tx, table, writer.line);
        await writer.line(JSON.stringify(['end']));
        return header;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await writer.close();
    // Only a complete backup gets the name: a crash leaves a .partial file, never a short backup.
    fs.renameSync(temporary, file);
    return header;
  } catch (error) {
    await writer.close().catch(() => undefined);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

async function exportRows(tx: Tx, table: TableInfo, line: (text: string) => Promise<void>) {
  await line(JSON.stringify(['table', table.name]));
  await tx.execute(
    sql.raw(`declare rk_backup no scroll cursor for
      select row_to_json(t)::text as r from ${quoteIdent(table.name)} t order by ${rowOrder(table)}`),
  );
  for (;;) {
    const result = (await tx.execute(sql.raw(`fetch forward ${rowsPerFetch} from rk_backup`))) as unknown as {
      rows: { r: string }[];
    };
    for (const row of result.rows) await line(row.r);
    if (result.rows.length < rowsPerFetch) break;
  }
  await tx.execute(sql.raw('close rk_backup'));
}

async function* readLines(file: string): AsyncGenerator<string> {
  if (!fs.existsSync(file)) throw new BackupError(`There is no backup file ${file}.`);
  const input = fs.createReadStream(file).pipe(createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const text of lines) if (text !== '') yield text;
  } catch (error) {
    throw new BackupError(`${file} is not a readable backup (${(error as Error).message}).`);
  }
}

function parseHeader(text: string | undefined, file: string): BackupHeader {
  let header: Partial<BackupHeader> | undefined;
  try {
    header = JSON.parse(text ?? '') as Partial<BackupHeader>;
  } catch {
    // handled below
  }
  if (header?.format !== backupFormat)
    throw new BackupError(`${file} is not a Routekaart backup (made with "routekaart backup").`);
  if (header.version !== backupVersion)
    throw new BackupError(
      `${file} has backup format version ${header.version}; this version reads ${backupVersion}.`,
    );
  return header as BackupHeader;
}

export interface RestoreResult {
  header: BackupHeader;
  tables: TableSummary[];
}

/**
 * Restores `file` into an empty database: migrates it to the backup's schema, inserts every row in
 * one transaction with the tables' own triggers off (the rows are copies, not new events), sets the
 * sequences, and compares row counts and checksums with the header; any difference undoes it all.
 */
export async function restoreBackup(database: Database, file: string): Promise<RestoreResult> {
  const lines = readLines(file);
  const header = parseHeader((await lines.next()).value as string | undefined, file);
  const shipped = shippedMigrations();
  if (header.migrations.join() !== shipped.join()) {
    throw new BackupError(
      `The backup was made with ${header.migrations.length} database migrations; this version of Routekaart has ${shipped.length}. ` +
        'Restore with the version that made the backup, then upgrade.',
    );
  }
  const existing = await userTables(database.db);
  if (existing.length > 0) {
    throw new BackupError(
      `The target database is not empty (${existing.length} tables, such as ${existing[0]}). ` +
        'Restore into a new, empty database (createdb, or a new DATA_DIR): nothing was changed.',
    );
  }
  await database.migrate();
  try {
    const tables = await database.db.transaction(async (tx) => {
      await useStableTextFormat(tx);
      const catalogue = new Map((await listTables(tx)).map((t) => [t.name, t]));
      const names = [...catalogue.keys()].map(quoteIdent).join(', ');
      // Triggers are off while the tables are filled (also the audit trail's append-only guard,
      // which would refuse the truncate below), and on again before the transaction ends.
      for (const name of catalogue.keys())
        await tx.execute(sql.raw(`alter table ${quoteIdent(name)} disable trigger user`));
      // Rows the migrations put in (the benchmark's version counter) are replaced by the backup's.
      if (names) await tx.execute(sql.raw(`truncate table ${names}`));
      await importRows(tx, catalogue, lines, file);
      for (const name of catalogue.keys())
        await tx.execute(sql.raw(`alter table ${quoteIdent(name)} enable trigger user`));
      await writeSequences(tx, header.sequences);
      const restored = await summariseTables(tx, [...catalogue.values()]);
      compareSummaries(header.tables, restored);
      return restored;
    });
    return { header, tables };
  } catch (error) {
    if (error instanceof BackupError) {
      error.message +=
        ' The restore was undone; the target is migrated but empty: drop and create it again (or remove the new DATA_DIR) before the next attempt.';
    }
    throw error;
  }
}

async function importRows(
  tx: Tx,
  catalogue: Map<string, TableInfo>,
  lines: AsyncGenerator<string>,
  file: string,
) {
  let table: TableInfo | undefined;
  let batch: string[] = [];
  let size = 0;
  const flush = async () => {
    if (!table || batch.length === 0) return;
    const columns = table.insertColumns.map(quoteIdent).join(', ');
    const overriding = table.hasIdentityAlways ? ' overriding system value' : '';
    await tx.execute(
      sql`${sql.raw(`insert into ${quoteIdent(table.name)} (${columns})${overriding} select ${columns} from json_populate_recordset(null::${quoteIdent(table.name)}, `)}${`[${batch.join(',')}]`}::json)`,
    );
    batch = [];
    size = 0;
  };
  for await (const text of lines) {
    if (text.startsWith('{')) {
      if (!table) throw new BackupError(`${file} is damaged: a row before any table.`);
      batch.push(text);
      size += text.length;
      if (size >= batchBytes || batch.length >= rowsPerFetch) await flush();
      continue;
    }
    await flush();
    const marker = JSON.parse(text) as string[];
    if (marker[0] === 'end') return;
    table = catalogue.get(marker[1] ?? '');
    if (!table)
      throw new BackupError(`${file} holds a table "${marker[1]}" that this version does not have.`);
  }
  throw new BackupError(`${file} is incomplete (it does not end with the end mark): was it cut off?`);
}

function compareSummaries(expected: TableSummary[], actual: TableSummary[]): void {
  const found = new Map(actual.map((s) => [s.name, s]));
  const differences = expected.flatMap((e) => {
    const a = found.get(e.name);
    if (!a) return [`${e.name} is missing`];
    if (a.rows !== e.rows) return [`${e.name} has ${a.rows} rows, the backup ${e.rows}`];
    if (a.checksum !== e.checksum) return [`${e.name} differs (checksum)`];
    return [];
  });
  if (differences.length > 0)
    throw new BackupError(`The restored data does not match the backup: ${differences.join('; ')}.`);
}
