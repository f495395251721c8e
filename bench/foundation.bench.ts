import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { createSession } from '../src/core/auth/sessions.ts';
import { openAndPrepareDatabase } from '../src/startup.ts';
import { createUser } from '../src/testing/factories.ts';
import { httpGet } from './lib/http.ts';
import { runLoad, type LoadResult } from './lib/load.ts';
import { serverVersion, withEmptyDatabase } from './lib/postgres.ts';
import { measureStartup, type StartupResult } from './lib/server-process.ts';
import { fixed, formatTable } from './lib/table.ts';
import { costMeter, type ServerCost } from './lib/server-cost.ts';
import type { Db } from '../src/core/db/database.ts';

/**
 * Foundation figures: throughput of the signed-in dashboard against a bare Fastify route, and the
 * start-up time and memory of the real server, on PGlite and (with BENCH_DATABASE_URL) PostgreSQL.
 * Prints figures only; it asserts nothing about speed.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const load = { concurrency: 10, durationMs: seconds * 1000, warmupMs: 2000 };
const serverUrl = process.env.BENCH_DATABASE_URL || undefined;
const loadAtStart = Number(os.loadavg()[0]?.toFixed(2));

interface Throughput extends LoadResult {
  target: string;
  database: string;
  /** Process CPU (all threads, the database's worker included) and queries per request, load aside. */
  server?: ServerCost;
}

interface Startup extends StartupResult {
  database: string;
  store: string;
}

const progress = (message: string) => console.error(`… ${message}`);

async function listenAndLoad(
  app: FastifyInstance,
  route: string,
  headers: Record<string, string>,
  db?: Db,
): Promise<LoadResult & { server?: ServerCost }> {
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  const status = await httpGet(origin + route, { headers });
  if (status !== 200) throw new Error(`GET ${route} answered ${status}, expected 200`);
  const meter = db ? costMeter(app.server, db) : undefined;
  meter?.start();
  const result = await runLoad({ url: origin + route, headers, ...load });
  return { ...result, ...(meter ? { server: meter.stop() } : {}) };
}

async function measureBare(): Promise<Throughput> {
  progress('bare Fastify GET /bare');
  const app = Fastify();
  app.get('/bare', () => 'ok');
  try {
    return { target: 'bare Fastify GET /bare', database: '–', ...(await listenAndLoad(app, '/bare', {})) };
  } finally {
    await app.close();
  }
}

async function measureDashboard(config: Config, label: string): Promise<Throughput> {
  progress(`dashboard on ${label}: preparing the database`);
  const database = await openAndPrepareDatabase(config);
  try {
    const user = await createUser(database.db, { memberOf: { GM0599: 'editor' } });
    const headers = { cookie: `rk_session=${await createSession(database.db, user.id)}` };
    const app = await buildApp({ config, database, logger: false });
    try {
      progress(`dashboard on ${label}: GET /o/GM0599`);
      return {
        target: 'dashboard GET /o/GM0599',
        database: label,
        ...(await listenAndLoad(app, '/o/GM0599', headers, database.db)),
      };
    } finally {
      await app.close();
      app.services.mailer.close();
    }
  } finally {
    await database.close();
  }
}

async function measureStartups(label: string, settings: Record<string, string>): Promise<Startup[]> {
  progress(`start-up on ${label}: new`);
  const first = await measureStartup(settings);
  progress(`start-up on ${label}: reopened`);
  const second = await measureStartup(settings);
  return [
    { database: label, store: 'new', ...first },
    { database: label, store: 'reopened', ...second },
  ];
}

async function withTempDir<T>(prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    return await use(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function pgliteDashboard(): Promise<Throughput> {
  return withTempDir('rk-bench-', (dir) =>
    measureDashboard(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), 'PGlite'),
  );
}

async function postgresDashboard(url: string, label: string): Promise<Throughput> {
  return withEmptyDatabase(url, `rk_bench_${process.pid}`, (dbUrl) =>
    measureDashboard(loadConfig({ DATABASE_URL: dbUrl, LOG_LEVEL: 'silent' }), label),
  );
}

async function allStartups(postgres: { url: string; label: string } | undefined): Promise<Startup[]> {
  const startups = await withTempDir('rk-bench-start-', (dir) =>
    measureStartups('PGlite', { DATA_DIR: dir }),
  );
  if (postgres)
    startups.push(
      ...(await withEmptyDatabase(postgres.url, `rk_bench_${process.pid}_start`, (dbUrl) =>
        measureStartups(postgres.label, { DATABASE_URL: dbUrl }),
      )),
    );
  return startups;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    // Other work on the machine skews every figure: the 1-minute load average shows whether there was any.
    loadAverage: { atStart: loadAtStart, atEnd: Number(os.loadavg()[0]?.toFixed(2)) },
  };
}

/** Issue #20: at least 1/10 of bare on PostgreSQL and 1/20 on PGlite, p95 under 25 ms. */
function goalOf(t: Throughput): string {
  if (t.database === '–') return '';
  const most = t.database === 'PGlite' ? 20 : 10;
  return `bare ÷ this ≤ ${most}×, p95 < 25 ms`;
}

function printThroughput(throughput: Throughput[]): void {
  const bare = throughput[0]?.rps ?? Number.NaN;
  console.log(
    `Throughput: HTTP on 127.0.0.1, ${load.concurrency} keep-alive connections, ${seconds} s after ` +
      `${load.warmupMs / 1000} s warm-up; the load generator is a separate Node process on the same cores.\n` +
      "CPU ms/req: the server process (all its threads, PGlite's worker included; not PostgreSQL's own " +
      'processes) per request, warm-up included: less coloured by other work on the machine than req/s',
  );
  const headers = [
    'target',
    'database',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'failed',
    'bare ÷ this',
    'CPU ms/req',
    'queries/req',
    'goal (issue #20)',
  ];
  const rows = throughput.map((t) => [
    t.target,
    t.database,
    fixed(t.rps),
    fixed(t.p50, 2),
    fixed(t.p95, 2),
    fixed(t.p99, 2),
    t.non2xx + t.errors,
    `${fixed(bare / t.rps, 1)}×`,
    t.server ? fixed(t.server.cpuMsPerRequest, 2) : '',
    t.server ? fixed(t.server.queriesPerRequest, 2) : '',
    goalOf(t),
  ]);
  console.log(formatTable(headers, rows));
}

function printStartups(startups: Startup[]): void {
  console.log(
    'Start-up: spawn `node dist/main.js` (what `npm start` runs, compiled first) until the first 200 on GET / (polled every 20 ms)',
  );
  const headers = ['database', 'store', 'first page ms', 'RSS MB', 'SIGTERM→exit ms', 'goal (issue #20)'];
  const rows = startups.map((s) => [
    s.database,
    s.store,
    fixed(s.firstPageMs),
    fixed(s.rssMb),
    fixed(s.stopMs),
    s.database === 'PGlite' && s.store === 'reopened' ? 'first page < 3,000 ms, RSS < 400 MB' : '',
  ]);
  console.log(formatTable(headers, rows));
}

function printHeader(): void {
  const m = machine();
  console.log(`\nRoutekaart foundation benchmarks, ${new Date().toISOString()}`);
  console.log(`Machine: ${m.cpus} × ${m.model}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}`);
  console.log(`Load average (1 min): ${m.loadAverage.atStart} at start, ${m.loadAverage.atEnd} now\n`);
}

function printReport(throughput: Throughput[], startups: Startup[]): void {
  const m = machine();
  console.log(`\nLoad average (1 min) at the end: ${m.loadAverage.atEnd}\n`);
  printStartups(startups);
  console.log(
    `\n${JSON.stringify({ bench: 'foundation', machine: m, seconds, throughput, startups }, roundNumbers)}`,
  );
}

function roundNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 100) / 100 : value;
}

// Throughput first, printed at once: a start-up that does not finish in time (a busy machine) must
// not take the throughput figures with it.
const postgres = serverUrl
  ? { url: serverUrl, label: `PostgreSQL ${await serverVersion(serverUrl)}` }
  : undefined;
const throughput = [await measureBare(), await pgliteDashboard()];
if (postgres) throughput.push(await postgresDashboard(postgres.url, postgres.label));
printHeader();
printThroughput(throughput);
printReport(throughput, await allStartups(postgres));
