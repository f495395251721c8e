import { readMigrationFiles } from 'drizzle-orm/migrator';
import { sql, type SQL } from 'drizzle-orm';
import { migrationsFolder, type Db, type Tx } from './database.ts';

/**
 * What a backup, a restore and a move between databases need to know about the schema, read from
 * the database's own catalogue so that a new table is included without a change here: the tables in
 * an order in which every foreign key points backwards, their columns, their sequences, and a
 * checksum per table that comes out the same on PGlite and on PostgreSQL.
 */
export interface TableInfo {
  name: string;
  /** Columns a row is inserted with (generated columns are computed again). */
  insertColumns: string[];
  /** Primary-key columns, for a stable order of rows. */
  keyColumns: string[];
  /** Whether a column is `generated always as identity` (needs OVERRIDING SYSTEM VALUE). */
  hasIdentityAlways: boolean;
}

export interface TableSummary {
  name: string;
  rows: number;
  checksum: string;
}

export interface SequenceValue {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

type Queryable = Db | Tx;

async function rowsOf<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The tables of the public schema, each after the tables its foreign keys point to. */
export async function listTables(db: Queryable): Promise<TableInfo[]> {
  const columns = await rowsOf<{ table: string; column: string; generated: string; identity: string }>(
    db,
    sql`select c.relname as "table", a.attname as "column", a.attgenerated as generated, a.attidentity as identity
        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
        order by c.relname, a.attnum`,
  );
  const keys = await rowsOf<{ table: string; column: string }>(
    db,
    sql`select c.relname as "table", a.attname as "column"
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        cross join lateral unnest(k.conkey) with ordinality as u(attnum, position)
        join pg_attribute a on a.attrelid = c.oid and a.attnum = u.attnum
        where n.nspname = 'public' and k.contype = 'p' order by c.relname, u.position`,
  );
  const edges = await rowsOf<{ table: string; references: string }>(
    db,
    sql`select distinct c.relname as "table", r.relname as "references"
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class r on r.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and k.contype = 'f' and k.conrelid <> k.confrelid`,
  );
  const tables = new Map<string, TableInfo>();
  for (const c of columns) {
    const table = tables.get(c.table) ?? {
      name: c.table,
      insertColumns: [],
      keyColumns: [],
      hasIdentityAlways: false,
    };
    if (c.generated === '') table.insertColumns.push(c.column);
    if (c.identity === 'a') table.hasIdentityAlways = true;
    tables.set(c.table, table);
  }
  for (const k of keys) tables.get(k.table)?.keyColumns.push(k.column);
  return inDependencyOrder(tables, edges);
}

function inDependencyOrder(
  tables: Map<string, TableInfo>,
  edges: { table: string; references: string }[],
): TableInfo[] {
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (done.has(name)) return;
    if (visiting.has(name)) throw new Error(`Foreign keys form a loop through ${name}: no order to copy in.`);
    visiting.add(name);
    for (const e of edges) if (e.table === name) visit(e.references);
    visiting.delete(name);
    done.add(name);
    const table = tables.get(name);
    if (table) ordered.push(table);
  };
  for (const name of [...tables.keys()].sort()) visit(name);
  return ordered;
}

/**
 * The session settings that make a row's text the same everywhere: a backup made on a server in
 * another time zone must still compare equal.
 */
export async function useStableTextFormat(tx: Tx): Promise<void> {
  await tx.execute(sql`set local timezone = 'UTC'`);
  await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
  await tx.execute(sql`set local intervalstyle = 'postgres'`);
  await tx.execute(sql`set local extra_float_digits = 1`);
}

/** The row order of exports: by primary key, or by the whole row where a table has none. */
export function rowOrder(table: TableInfo): string {
  return table.keyColumns.length > 0
    ? table.keyColumns.map((c) => `t.${quoteIdent(c)}`).join(', ')
    : 't::text collate "C"';
}

/** Rows and an order-independent checksum per table: md5 over the sorted md5 of each row's text. */
export async function summariseTables(tx: Tx, tables: TableInfo[]): Promise<TableSummary[]> {
  const summaries: TableSummary[] = [];
  for (const table of tables) {
    const [row] = await rowsOf<{ rows: number; checksum: string | null }>(
      tx,
      sql.raw(`select count(*)::int as rows,
                 md5(string_agg(md5(t::text), '' order by md5(t::text))) as checksum
               from ${quoteIdent(table.name)} t`),
    );
    summaries.push({ name: table.name, rows: row?.rows ?? 0, checksum: row?.checksum ?? '' });
  }
  return summaries;
}

/** The sequences of the public schema with their current positions. */
export async function readSequences(tx: Tx): Promise<SequenceValue[]> {
  const names = await rowsOf<{ name: string }>(
    tx,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'S' order by c.relname`,
  );
  const values: SequenceValue[] = [];
  for (const { name } of names) {
    const [row] = await rowsOf<{ last_value: string; is_called: boolean }>(
      tx,
      sql.raw(`select last_value::text as last_value, is_called from ${quoteIdent(name)}`),
    );
    if (row) values.push({ name, lastValue: row.last_value, isCalled: row.is_called });
  }
  return values;
}

export async function writeSequences(tx: Tx, values: SequenceValue[]): Promise<void> {
  for (const v of values) {
    await tx.execute(
      sql`select setval(${quoteIdent(v.name)}::regclass, ${v.lastValue}::bigint, ${v.isCalled})`,
    );
  }
}

/** The migrations this version of Routekaart ships, by their hash, in order. */
export function shippedMigrations(): string[] {
  return readMigrationFiles({ migrationsFolder }).map((m) => m.hash);
}

/** The migrations applied to a database, in order; empty when it was never migrated. */
export async function appliedMigrations(db: Queryable): Promise<string[]> {
  const [exists] = await rowsOf<{ present: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  if (!exists?.present) return [];
  const rows = await rowsOf<{ hash: string }>(
    db,
    sql`select hash from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return rows.map((r) => r.hash);
}

/** Tables anywhere but in the system schemas: a target for a restore must have none. */
export async function userTables(db: Queryable): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(
    db,
    sql`select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
          and n.nspname not like 'pg\\_%' order by 1`,
  );
  return rows.map((r) => r.name);
}
