/**
 * The messages between the main thread and the embedded database's worker thread
 * (pglite-client.ts, pglite-worker.ts). Everything in them survives structured cloning.
 */

export interface WorkerStart {
  /** A data directory on disk, or else… */
  dataDir?: string;
  /** …a dumped database (gzipped tarball) to start from, or else an empty database in memory. */
  loadDataDir?: ArrayBuffer;
}

export type WorkerRequest =
  | {
      id: number;
      kind: 'query';
      sql: string;
      params: unknown[];
      rowMode: 'array' | 'object';
      /** Type ids whose values stay text (drizzle parses dates and intervals itself). */
      keepAsText: number[];
      /** The transaction the query belongs to; none: outside any. */
      tx?: number;
    }
  | { id: number; kind: 'begin' }
  | { id: number; kind: 'end'; tx: number; commit: boolean }
  | { id: number; kind: 'dump' }
  /** From now on, post every notification on `channel` (LISTEN) as a WorkerNotification. */
  | { id: number; kind: 'listen'; channel: string }
  | { id: number; kind: 'close' };

export interface SerialisedError {
  name: string;
  message: string;
  /** PostgreSQL's error fields (code, detail, constraint, table, …) and other plain properties. */
  fields: Record<string, string | number | boolean>;
}

/** id 0 answers the start; every other id answers the request with that id. */
export type WorkerReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerialisedError };

/**
 * A NOTIFY on a channel the worker listens on. PGlite hands it over while it reads the committing
 * statement's answer, so it is posted before that statement's reply: the main thread learns of a
 * change no later than of the commit that made it.
 */
export interface WorkerNotification {
  notification: { channel: string; payload: string };
}

export function serialiseError(error: unknown): SerialisedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: SerialisedError['fields'] = {};
  for (const [key, value] of Object.entries(error))
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      fields[key] = value;
  return { name: error.name, message: error.message, fields };
}

/** The error again, as an Error with PostgreSQL's fields, its stack from where the caller waited. */
export function deserialiseError(error: SerialisedError): Error {
  const revived = Object.assign(new Error(error.message), error.fields);
  revived.name = error.name;
  return revived;
}
