import { changeNoter } from './audit-context.ts';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { acquireDataDirLock } from './lock.ts';
import { listenOnPostgres, type Listening } from './notifications.ts';
import { PgliteClient } from './pglite-client.ts';

export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole database as a gzipped tarball (tests clone a template from it). */
  dump?: () => Promise<Blob>;
  /**
   * PGlite only: `listener` is called if the database's worker thread dies (it does not restart;
   * every query fails from then on) or if another process took over the data directory's lock. A PostgreSQL pool replaces lost connections by itself.
   */
  onFailure?: (listener: (error: Error) => void) => void;
  /**
   * Runs `work` unless another process runs work under the same name now (then returns false).
   * PostgreSQL: a session advisory lock, so one instance of several runs a scheduled job at a time.
   * PGlite: one process owns the database (the data-directory lock), so it just runs.
   */
  runExclusive(name: string, work: () => Promise<unknown>): Promise<boolean>;
  /**
   * Calls `listener` with the payload of every NOTIFY on `channel`, sent by any process on this
   * database, and with '*' whenever some may have been missed. PGlite: from its worker, before the
   * answer of the statement that committed them. PostgreSQL: on a connection of its own, a moment
   * after the commit; while that connection is lost, the result's `isActive` is false.
   */
  listen(channel: string, listener: (payload: string) => void): Promise<Listening>;
}

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../migrations',
);
/** Any constant: all processes that migrate one PostgreSQL database take this advisory lock in turn. */
const migrationLockKey = 7_240_531;
/** The first half of the advisory-lock key of scheduled jobs; the second is a hash of the job's name. */
const jobLockClass = 7_240_532;

function jobLockKey(name: string): number {
  return createHash('sha256').update(name).digest().readInt32BE(0);
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** Tests start from a dumped, already migrated database held in memory. */
  loadDataDir?: Blob;
  poolSize?: number;
}

/**
 * Tells the audit-coverage check of the tests ({@link changeNoter}) what each statement of a pooled
 * connection changed, with its row count: a statement that changed no row is no change.
 */
function noteChangesOf(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    const noter = changeNoter();
    if (!noter) return query(...args);
    const first = args[0];
    const text = typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? '');
    const note = (result: pg.QueryResult | undefined) => noter(text, result?.rowCount ?? 0);
    // The pool's own query() passes a callback; drizzle's transactions await a promise.
    const last = args.at(-1);
    if (typeof last === 'function') {
      const callback = last as (error: Error | undefined, result: pg.QueryResult | undefined) => void;
      return query(...args.slice(0, -1), (error: Error | undefined, result: pg.QueryResult | undefined) => {
        if (!error) note(result);
        callback(error, result);
      });
    }
    const pending = query(...args);
    if (!(pending instanceof Promise)) return pending;
    return pending.then((result: pg.QueryResult) => {
      note(result);
      return result;
    });
  }) as typeof client.query;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options);
}

async function openPglite(options: DatabaseOptions): Promise<Database> {
  const lockListeners: ((error: Error) => void)[] = [];
  const lock = options.dataDir
    ? acquireDataDirLock(options.dataDir, {
        // Another process took the directory (our heartbeat stalled): stop before both write.
        onLost: (reason) => lockListeners.forEach((listener) => listener(new Error(reason))),
      })
    : undefined;
  try {
    const client = await PgliteClient.start(
      options.dataDir
        ? { dataDir: path.join(options.dataDir, 'pgdata') }
        : { loadDataDir: options.loadDataDir },
    );
    const db = drizzlePglite({ client: client as unknown as PGlite });
    return {
      db,
      kind: 'pglite',
      migrate: () => migratePglite(db, { migrationsFolder }),
      dump: () => client.dumpDataDir(),
      async listen(channel, listener) {
        const stop = await client.listen(channel, listener);
        // One process owns the embedded database and its worker: no notification can be missed.
        return { isActive: true, close: async () => stop() };
      },
      async runExclusive(_name, work) {
        await work();
        return true;
      },
      onFailure: (listener) => {
        client.onFailure(listener);
        lockListeners.push(listener);
      },
      async close() {
        await client.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function openPostgres(databaseUrl: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle connection that the server ends (restart, idle timeout) must not crash the process:
  // the pool drops it and opens a new one when needed.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  pool.on('connect', noteChangesOf);
  // Fail at start, with the server's own message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool);
  return {
    db,
    kind: 'postgres',
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [migrationLockKey]);
        await migratePg(drizzlePg(client), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [migrationLockKey]).catch(() => undefined);
        client.release();
      }
    },
    async runExclusive(name, work) {
      const client = await pool.connect();
      try {
        const { rows } = await client.query<{ taken: boolean }>(
          'select pg_try_advisory_lock($1, $2) as taken',
          [jobLockClass, jobLockKey(name)],
        );
        if (!rows[0]?.taken) return false;
        try {
          await work();
          return true;
        } finally {
          await client.query('select pg_advisory_unlock($1, $2)', [jobLockClass, jobLockKey(name)]);
        }
      } finally {
        client.release();
      }
    },
    listen: (channel, listener) => listenOnPostgres(databaseUrl, channel, listener),
    close: () => pool.end(),
  };
}
