import { Worker } from 'node:worker_threads';
import { changeNoter } from './audit-context.ts';
import { runsCompiled, siblingModule } from '../runtime.ts';
import type { QueryOptions, Results } from '@electric-sql/pglite';
import {
  deserialiseError,
  type WorkerNotification,
  type WorkerReply,
  type WorkerRequest,
  type WorkerStart,
} from './pglite-protocol.ts';

/**
 * PGlite in its own worker thread, behind the part of PGlite's interface that drizzle uses
 * (`query`, `transaction`) plus `dumpDataDir` and `close`.
 *
 * In the main thread the database's work would share one core with HTTP and HTML: ten concurrent
 * requests then queue for all of it. In a worker, the database runs on another core while the main
 * thread handles requests (decision 0007). Each call is a message; PGlite serialises the work as it
 * does in one thread.
 */

/** The query interface inside a transaction, as drizzle's PGlite session calls it. */
export interface PgliteQueryable {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
}

/**
 * Under tsx the worker is TypeScript. Node 20 does not apply `--import tsx` to a worker's own module,
 * so a small script registers tsx in the worker first and then loads it. PGlite (JavaScript, several
 * megabytes) is loaded before that, without tsx's hooks, which would otherwise keep their own copy of
 * it: about 20 MB less resident memory (decision 0027). Compiled, the worker loads directly.
 */
const workerModule = JSON.stringify(siblingModule('pglite-worker', import.meta.url).href);
const workerBootstrap = runsCompiled
  ? `import(${workerModule})`
  : `Promise.all([
    import(${JSON.stringify(import.meta.resolve('@electric-sql/pglite'))}),
    import(${JSON.stringify(import.meta.resolve('@electric-sql/pglite/contrib/pg_trgm'))}),
  ])
  .then(() => import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}))
  .then(({ register }) => { register(); return import(${workerModule}); })`;

type Distributive<T> = T extends unknown ? Omit<T, 'id'> : never;
type Request = Distributive<WorkerRequest>;

export class PgliteClient implements PgliteQueryable {
  readonly #worker: Worker;
  readonly #pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  #nextId = 1;
  /** Set when the worker has stopped: every call fails with it. */
  #stopped: Error | undefined;
  #isClosing = false;
  readonly #onFailure: ((error: Error) => void)[] = [];
  readonly #listeners = new Map<string, ((payload: string) => void)[]>();

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (reply: WorkerReply | WorkerNotification) => {
      if ('notification' in reply) {
        const { channel, payload } = reply.notification;
        for (const listener of this.#listeners.get(channel) ?? []) listener(payload);
        return;
      }
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      this.#pending.delete(reply.id);
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(deserialiseError(reply.error));
    });
    worker.on('error', (error) => this.#stop(error));
    worker.on('exit', (code) => this.#stop(new Error(`the database worker stopped (exit code ${code})`)));
  }

  /** Starts the worker with a data directory, a dumped database, or else an empty one in memory. */
  static async start(options: { dataDir?: string; loadDataDir?: Blob }): Promise<PgliteClient> {
    const start: WorkerStart = { dataDir: options.dataDir };
    const transfer: ArrayBuffer[] = [];
    if (options.loadDataDir) {
      start.loadDataDir = await options.loadDataDir.arrayBuffer();
      transfer.push(start.loadDataDir);
    }
    const worker = new Worker(workerBootstrap, { eval: true, workerData: start, transferList: transfer });
    const client = new PgliteClient(worker);
    try {
      await new Promise((resolve, reject) => client.#pending.set(0, { resolve, reject }));
    } catch (error) {
      await worker.terminate();
      throw error;
    }
    return client;
  }

  /** Called once if the worker stops without `close()` (a crash): the database is then gone. */
  onFailure(listener: (error: Error) => void): void {
    this.#onFailure.push(listener);
  }

  #stop(error: Error): void {
    if (!this.#stopped && !this.#isClosing) for (const listener of this.#onFailure) listener(error);
    this.#stopped ??= error;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  #call(request: Request): Promise<unknown> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id } satisfies WorkerRequest);
    });
  }

  async #query<T>(tx: number | undefined, sql: string, params: unknown[] = [], options: QueryOptions = {}) {
    const note = changeNoter();
    const result = (await this.#call({
      kind: 'query',
      sql,
      params,
      rowMode: options.rowMode ?? 'object',
      keepAsText: Object.keys(options.parsers ?? {}).map(Number),
      tx,
    })) as Results<T>;
    note?.(sql, result.affectedRows ?? 0);
    return result;
  }

  /**
   * Only drizzle passes `parsers`, each of which returns the text unchanged (dates, intervals); the
   * worker applies that to the same types, since functions cannot be posted.
   */
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.#query<T>(undefined, sql, params, options);
  }

  /** Commits when `fn` resolves, rolls back when it rejects; other queries wait until then. */
  async transaction<T>(fn: (tx: PgliteQueryable) => Promise<T>): Promise<T> {
    const tx = (await this.#call({ kind: 'begin' })) as number;
    let result: T;
    try {
      result = await fn({ query: (sql, params, options) => this.#query(tx, sql, params, options) });
    } catch (error) {
      await this.#call({ kind: 'end', tx, commit: false }).catch(() => undefined);
      throw error;
    }
    await this.#call({ kind: 'end', tx, commit: true });
    return result;
  }

  /**
   * Calls `listener` with the payload of each NOTIFY on `channel`, from the moment this resolves;
   * the function it resolves to stops that (the worker goes on listening, for the next listener).
   */
  async listen(channel: string, listener: (payload: string) => void): Promise<() => void> {
    const stop = () => {
      const rest = (this.#listeners.get(channel) ?? []).filter((l) => l !== listener);
      this.#listeners.set(channel, rest);
    };
    const listeners = this.#listeners.get(channel);
    if (listeners) {
      listeners.push(listener);
      return stop;
    }
    this.#listeners.set(channel, [listener]);
    await this.#call({ kind: 'listen', channel });
    return stop;
  }

  async dumpDataDir(): Promise<Blob> {
    const bytes = (await this.#call({ kind: 'dump' })) as ArrayBuffer;
    return new Blob([bytes], { type: 'application/x-gzip' });
  }

  async close(): Promise<void> {
    this.#isClosing = true;
    if (!this.#stopped) await this.#call({ kind: 'close' });
    await this.#worker.terminate();
  }
}
