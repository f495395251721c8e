import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { BackupError, restoreBackup, writeBackup, type BackupHeader } from '../core/db/backup.ts';
import { requestBackup } from '../core/db/control-socket.ts';
import { openDatabase } from '../core/db/database.ts';
import { DataDirLockedError } from '../core/db/lock.ts';
import type { TableSummary } from '../core/db/table-catalogue.ts';
import { prepareDatabase } from '../startup.ts';

/** backup, restore and migrate-to-postgres: the commands that move a whole installation's data. */

function where(config: Config): string {
  return config.databaseUrl
    ? `PostgreSQL (${maskPassword(config.databaseUrl)})`
    : `DATA_DIR ${config.dataDir}`;
}

export function maskPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

function describeTables(tables: TableSummary[]): string {
  const rows = tables.reduce((sum, t) => sum + t.rows, 0);
  return `${tables.length} tables, ${rows} rows`;
}

/** Writes a backup of the configured database; on a running embedded server, the server writes it. */
export async function backupCommand(config: Config, file: string): Promise<void> {
  const target = path.resolve(file);
  if (!fs.existsSync(path.dirname(target)))
    throw new BackupError(`The folder ${path.dirname(target)} does not exist.`);
  let header: BackupHeader;
  let database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    header = await requestBackup(config.dataDir, target);
    console.log(`Backup of the running server on ${where(config)} written to ${target}`);
    console.log(`${describeTables(header.tables)}, one consistent snapshot.`);
    return;
  }
  try {
    header = await writeBackup(database, target);
  } finally {
    await database.close();
  }
  console.log(`Backup of ${where(config)} written to ${target}`);
  console.log(`${describeTables(header.tables)}, one consistent snapshot.`);
}

/** Restores a backup into the configured database, which must be empty (a new one). */
export async function restoreCommand(config: Config, file: string): Promise<void> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new BackupError(`There is no backup file ${source}.`);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 2,
  });
  try {
    const result = await restoreBackup(database, source);
    console.log(
      `Restored ${source} (made ${result.header.createdAt} on ${result.header.source}) into ${where(config)}`,
    );
    console.log(`${describeTables(result.tables)}; row counts and checksums match the backup.`);
  } finally {
    await database.close();
  }
}

/**
 * Moves the embedded database (DATA_DIR) into an empty PostgreSQL database: a backup of the stopped
 * embedded database, restored into PostgreSQL and verified table by table. The backup file stays in
 * DATA_DIR as a record of what was moved.
 */
export async function migrateToPostgresCommand(config: Config, to: string | undefined): Promise<void> {
  if (!to)
    throw new BackupError('migrate-to-postgres needs --to postgres://user:password@host:5432/database');
  let url: URL;
  try {
    url = new URL(to);
  } catch {
    throw new BackupError(`--to is not a valid URL: "${to}".`);
  }
  if (!['postgres:', 'postgresql:'].includes(url.protocol))
    throw new BackupError(`--to must start with postgres://, got "${url.protocol}//".`);
  if (config.databaseUrl)
    throw new BackupError(
      'DATABASE_URL is set, so this installation already runs on PostgreSQL: unset it to move the embedded database in DATA_DIR.',
    );
  let source;
  try {
    source = await openDatabase({ dataDir: config.dataDir });
  } catch (error) {
    if (error instanceof DataDirLockedError)
      throw new BackupError(
        `${error.message}\nStop the server before the move: changes made during the move would be lost.`,
      );
    throw error;
  }
  const file = path.join(
    config.dataDir,
    `moved-to-postgres-${new Date().toISOString().replaceAll(':', '-')}.rkbackup`,
  );
  let target;
  try {
    // The schema and reference data of this version, as a start would make them.
    await prepareDatabase(source);
    target = await openDatabase({ databaseUrl: to, poolSize: 2 });
    await writeBackup(source, file);
    const result = await restoreBackup(target, file);
    printMoved(config, to, file, result.tables);
  } finally {
    await target?.close();
    await source.close();
  }
}

function printMoved(config: Config, to: string, file: string, tables: TableSummary[]): void {
  console.log(`Moved ${describeTables(tables)} from ${config.dataDir} to ${maskPassword(to)}.`);
  console.log('Row counts and checksums match for every table. Uploaded files live in the');
  console.log('database (decision 0005), so they moved with the tables; no files on disk to copy.');
  console.log(`The backup that was moved is kept in ${file}.`);
  console.log('');
  console.log('Now change the configuration of the server and of this command:');
  console.log(`  DATABASE_URL=${maskPassword(to)}   (with the real password)`);
  console.log(`  DATA_DIR is no longer read; keep ${config.dataDir} until you have checked the new`);
  console.log('  installation, then archive it.');
  console.log(
    '  To run several instances behind a proxy: HOST=0.0.0.0 and TRUST_PROXY=true (docs/deployment.md).',
  );
  console.log('Then start the server.');
}
