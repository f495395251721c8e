import type { Server } from 'node:http';
import type { Db } from '../../src/core/db/database.ts';

/**
 * What one request costs the server, whatever else the machine is doing: process CPU time, all
 * threads (the server runs in the bench process with PGlite in a worker thread, the load client in
 * its own process) and the database queries it made.
 * On a busy machine latencies mostly measure the queue for a core; CPU time per request does not,
 * and on one free core N concurrent connections wait about N × that time each.
 */
export interface ServerCost {
  requests: number;
  cpuMsPerRequest: number;
  queriesPerRequest: number;
  /** Time spent inside the driver's query call: on PGlite, the work in its worker thread plus the wait for it. */
  dbMsPerRequest: number;
}

export interface CostMeter {
  start(): void;
  stop(): ServerCost;
}

/** Counts the queries both drivers (PGlite, pg.Pool) run through `db.$client.query`. */
function queryCounter(db: Db): { count: number; ms: number } {
  const totals = { count: 0, ms: 0 };
  const client: unknown = Reflect.get(db, '$client');
  const query: unknown =
    typeof client === 'object' && client !== null ? Reflect.get(client, 'query') : undefined;
  if (typeof client !== 'object' || client === null || typeof query !== 'function')
    throw new Error('bench: the database client has no query method to count');
  Reflect.set(client, 'query', async (...args: unknown[]): Promise<unknown> => {
    const started = performance.now();
    try {
      return await Reflect.apply(query, client, args);
    } finally {
      totals.count++;
      totals.ms += performance.now() - started;
    }
  });
  return totals;
}

export function costMeter(server: Server, db: Db): CostMeter {
  const queries = queryCounter(db);
  let requests = 0;
  server.on('request', () => requests++);
  let begun = { cpu: process.cpuUsage(), requests: 0, queries: 0, dbMs: 0 };
  return {
    start() {
      begun = { cpu: process.cpuUsage(), requests, queries: queries.count, dbMs: queries.ms };
    },
    stop() {
      const cpu = process.cpuUsage(begun.cpu);
      const n = Math.max(1, requests - begun.requests);
      return {
        requests: requests - begun.requests,
        cpuMsPerRequest: (cpu.user + cpu.system) / 1000 / n,
        queriesPerRequest: (queries.count - begun.queries) / n,
        dbMsPerRequest: (queries.ms - begun.dbMs) / n,
      };
    },
  };
}
