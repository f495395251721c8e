import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { WorkerNotification, WorkerReply, WorkerRequest, WorkerStart } from './pglite-protocol.ts';
import { serialiseError } from './pglite-protocol.ts';

/**
 * The embedded database's own thread (see pglite-client.ts): one PGlite instance that answers the
 * main thread's messages. PGlite serialises the work itself, as it does in one thread: a query that
 * arrives while a transaction is open waits until it ends.
 */
const port = parentPort;
if (!port) throw new Error('pglite-worker.ts runs as a worker thread, started by pglite-client.ts');

const start = workerData as WorkerStart;
const transactions = new Map<number, { tx: Transaction; end: (commit: boolean) => Promise<void> }>();
/** The value a transaction's callback throws to have PGlite roll it back. */
const rollback = Symbol('rollback');

function reply(message: WorkerReply | WorkerNotification, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

/** drizzle leaves some types as text; it sends their type ids, since functions cannot be posted. */
const parserSets = new Map<string, Record<number, (value: string) => string>>();
function keepAsText(typeIds: number[]): Record<number, (value: string) => string> {
  const key = typeIds.join(',');
  let parsers = parserSets.get(key);
  if (!parsers) {
    parsers = Object.fromEntries(typeIds.map((id) => [id, (value: string) => value]));
    parserSets.set(key, parsers);
  }
  return parsers;
}

function begin(db: PGlite, id: number): void {
  let entered = false;
  let finish: (commit: boolean) => void = () => undefined;
  const decided = new Promise<boolean>((resolve) => (finish = resolve));
  const done = db
    .transaction(async (tx) => {
      entered = true;
      transactions.set(id, {
        tx,
        end(commit) {
          finish(commit);
          return done;
        },
      });
      reply({ id, ok: true, value: id });
      if (!(await decided)) throw rollback;
    })
    .catch((error: unknown) => {
      if (error === rollback) return;
      if (!entered) reply({ id, ok: false, error: serialiseError(error) });
      throw error;
    });
  // A failure before the callback ran was answered above; after it, `end` reports it.
  done.catch(() => undefined);
}

async function handle(db: PGlite, request: WorkerRequest): Promise<void> {
  const { id } = request;
  try {
    switch (request.kind) {
      case 'query': {
        const target = request.tx === undefined ? db : transactions.get(request.tx)?.tx;
        if (!target) throw new Error(`transaction ${request.tx} is not open`);
        const result = await target.query(request.sql, request.params, {
          rowMode: request.rowMode,
          parsers: keepAsText(request.keepAsText),
        });
        reply({
          id,
          ok: true,
          value: { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows },
        });
        return;
      }
      case 'begin':
        begin(db, id);
        return;
      case 'end': {
        const open = transactions.get(request.tx);
        if (!open) throw new Error(`transaction ${request.tx} is not open`);
        transactions.delete(request.tx);
        await open.end(request.commit);
        reply({ id, ok: true, value: null });
        return;
      }
      case 'listen':
        await db.listen(request.channel, (payload) =>
          reply({ notification: { channel: request.channel, payload } }),
        );
        reply({ id, ok: true, value: null });
        return;
      case 'dump': {
        const bytes = await (await db.dumpDataDir('gzip')).arrayBuffer();
        reply({ id, ok: true, value: bytes }, [bytes]);
        return;
      }
      case 'close':
        await db.close();
        reply({ id, ok: true, value: null });
        port?.close();
        return;
    }
  } catch (error) {
    reply({ id, ok: false, error: serialiseError(error) });
  }
}

/**
 * PGlite's PostgreSQL starts with 128 MB of shared buffers, all of it touched at start: most of the
 * server's memory. 32 MB holds a whole province's working set; the files stay in the operating
 * system's cache besides.
 */
const startParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

/**
 * PostgreSQL's contrib extensions are separate bundles in PGlite, loaded when the database opens:
 * pg_trgm serves the Dutch search's vocabulary (migration 0020, decision 0021).
 */
const extensions = { pg_trgm };

try {
  const db = start.dataDir
    ? await PGlite.create(start.dataDir, { startParams, extensions })
    : await PGlite.create({
        startParams,
        extensions,
        ...(start.loadDataDir ? { loadDataDir: new Blob([start.loadDataDir]) } : {}),
      });
  port.on('message', (request: WorkerRequest) => void handle(db, request));
  reply({ id: 0, ok: true, value: null });
} catch (error) {
  reply({ id: 0, ok: false, error: serialiseError(error) });
}
