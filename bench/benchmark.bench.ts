import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { createSession } from '../src/core/auth/sessions.ts';
import type { Db } from '../src/core/db/database.ts';
import { decideGroups } from '../src/features/benchmark/benchmark-anonymity.ts';
import { peerGroups } from '../src/features/benchmark/benchmark-groups.ts';
import { contributionsOf, groupStatistics } from '../src/features/benchmark/benchmark.queries.ts';
import { figuresOf, groupsOfPeriod } from '../src/features/benchmark/benchmark.service.ts';
import { trendOf } from '../src/features/benchmark/benchmark-trend.ts';
import { openDataSet } from '../src/features/benchmark/open-data.service.ts';
import { getFramework } from '../src/features/framework/index.ts';
import { openAndPrepareDatabase } from '../src/startup.ts';
import { createUser } from '../src/testing/factories.ts';
import { httpGet } from './lib/http.ts';
import { percentile, runLoad } from './lib/load.ts';
import { costMeter, type CostMeter, type ServerCost } from './lib/server-cost.ts';
import { serverVersion, withEmptyDatabase } from './lib/postgres.ts';
import { fixed, formatTable } from './lib/table.ts';

/**
 * Benchmark (peer comparison) figures at two sizes of a deterministic synthetic data set: the
 * signed-in benchmark page and the open-data API, plus the seed time and the database size.
 *
 * - Netherlands: the 342 real municipalities × 5 periods, on PGlite and (BENCH_DATABASE_URL) PostgreSQL.
 * - Europe: 20,000 synthetic organisations × 5 periods (6 million answers), on PostgreSQL only.
 *
 * Prints figures only; the targets from the issue are printed beside them, never asserted.
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const serverUrl = process.env.BENCH_DATABASE_URL || undefined;
const load = { concurrency: 10, durationMs: seconds * 1000, warmupMs: 2000 };
/** bench/lib/load-client.ts gives up on a request after 10 s; 10 connections queue on one server. */
const loadClientTimeoutMs = 10_000;
/** Time for one-at-a-time samples of a slow request (at most five; none beyond the first when it alone exceeds this). */
const sequentialBudgetMs = 15_000;
const periods = [2022, 2023, 2024, 2025, 2026];
const latestPeriod = 2026;
const frameworkVersion = '2026.1';
const questionsPerScan = 60;
const loadAtStart = Number(os.loadavg()[0]?.toFixed(2));
const progress = (message: string) => console.error(`… ${message}`);

/** The commit measured, and whether src/ differed from it when the modules were loaded. */
function codeVersion(): string {
  const git = (...args: string[]) =>
    execFileSync('git', ['--no-optional-locks', ...args], {
      cwd: import.meta.dirname,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  try {
    const changed = git('status', '--porcelain', '--', '../src').split('\n').filter(Boolean).length;
    const head = git('rev-parse', '--short', 'HEAD');
    return changed === 0 ? head : `${head} + ${changed} uncommitted file(s) in src/`;
  } catch {
    return 'unknown';
  }
}
const code = codeVersion();

interface Size {
  name: 'Netherlands' | 'Europe';
  /** Synthetic organisations to add (0: the real municipalities of the reference data). */
  syntheticOrganisations: number;
  /** The organisation whose benchmark page is loaded. */
  pageCode: string;
  targetP95Ms: number;
}

const netherlands: Size = {
  name: 'Netherlands',
  syntheticOrganisations: 0,
  pageCode: 'GM0599',
  targetP95Ms: 50,
};
const europe: Size = {
  name: 'Europe',
  syntheticOrganisations: 20_000,
  pageCode: 'EU00001',
  targetP95Ms: 200,
};
const europeNetworks = 5;

interface Measured {
  /** How the latencies were taken: `10 conn × 8 s` or `sequential × n` for slow requests. */
  mode: string;
  /** The first (cold) request, measured on its own before the load. */
  firstMs: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  failed: number;
  /** CPU time and queries per request of the measured requests (warm-up included). */
  server: ServerCost;
}

interface Breakdown {
  contributions: number;
  groups: number;
  shownGroups: number;
  /** Computed from scratch, through a fresh Db handle (misses the service's per-Db cache, if any). */
  uncached: {
    groupsOfPeriodMs: number;
    contributionsOfMs: number;
    peerGroupsMs: number;
    decideGroupsMs: number;
    figuresOfAllMs: number;
    groupStatisticsAllMs: number;
    trendOfPageGroupMs: number;
    openDataSetMs: number;
  };
  /** The same calls on the server's own Db handle, after the HTTP runs warmed it. */
  cached: { groupsOfPeriodMs: number; figuresOfAllMs: number; trendOfPageGroupMs: number };
}

interface Run {
  size: Size['name'];
  database: string;
  organisations: number;
  scans: number;
  answers: number;
  scores: number;
  seedSeconds: number;
  databaseMb: number;
  pageGroup: string;
  pageSharing: string;
  page: Measured;
  api: Measured;
  apiAll: Measured;
  breakdown: Breakdown;
}

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

async function scalar(db: Db, query: SQL): Promise<number> {
  const [row] = await rows<{ value: unknown }>(db, query);
  return Number(row?.value);
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  return [result, performance.now() - started];
}

/** The 56 question ids of framework 2026.1, plus synthetic ids up to 60 (answers are not read). */
function questionIds(): string[] {
  const real = getFramework(frameworkVersion).themes.flatMap((t) => t.questions.map((q) => q.id));
  const synthetic = Array.from(
    { length: questionsPerScan - real.length },
    (_, i) => `bench.q${real.length + i + 1}`,
  );
  return [...real, ...synthetic];
}

/** A VALUES list as a derived table: (values ($1, $2), …) as name(columns). */
function valuesTable(name: string, columns: string[], tuples: SQL[]): SQL {
  return sql`(values ${sql.join(tuples, sql`, `)}) as ${sql.raw(name)}(${sql.raw(columns.join(', '))})`;
}

/** Population per organisation, spread over all 8 CBS size classes (most in classes 3–5). */
const populationOf = (id: SQL) => sql`
  (array[3000, 7000, 14000, 30000, 70000, 120000, 190000, 400000])[
    (array[1, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 7, 7, 8])[1 + (${id} * 31) % 20]
  ] + (${id} * 97) % 1000`;

/** The organisations that get scans: the real municipalities, or the synthetic EUxxxxx ones. */
function benchOrganisations(size: Size): SQL {
  return size.syntheticOrganisations > 0
    ? sql`select id from organisations where code like 'EU%'`
    : sql`select id from organisations where kind = 'municipality'`;
}

async function seedOrganisations(db: Db, size: Size): Promise<void> {
  const n = size.syntheticOrganisations;
  if (n === 0) return;
  // Province codes PV20 … PV31, the 12 real ones, so that province groups hold ~1,700 each.
  await db.execute(sql`
    insert into organisations (code, kind, name, display_name, province_code)
    select 'EU' || lpad(n::text, 5, '0'), 'municipality', 'Bench municipality ' || n,
           'Bench ' || n, 'PV' || (20 + n % 12)
    from generate_series(1, ${n}::int) as n`);
  // Networks of ~200 members each (organisation number n with n % 100 = k), spread over provinces.
  for (let k = 1; k <= europeNetworks; k++) {
    await db.execute(sql`
      insert into networks (code, name, coordinator_organisation_id)
      select ${`bench-${k}`}, ${`Bench network ${k}`}, id from organisations
      where code = 'EU' || lpad(${k}::int::text, 5, '0')`);
    await db.execute(sql`
      insert into network_members (network_id, organisation_id)
      select (select id from networks where code = ${`bench-${k}`}), o.id
      from organisations o
      where o.code like 'EU%' and substr(o.code, 3)::int % 100 = ${k}::int`);
  }
}

async function seed(db: Db, size: Size): Promise<{ userId: number }> {
  await seedOrganisations(db, size);
  const orgs = benchOrganisations(size);
  await db.execute(sql`update organisations set population = ${populationOf(sql`id`)} where id in (${orgs})`);
  // ~10% named, ~5% not shared, the rest without a row (the default: aggregated).
  await db.execute(sql`
    insert into sharing_settings (organisation_id, mode)
    select id, case when (id * 37) % 100 < 5 then 'not-shared' else 'named' end
    from (${orgs}) as o where (id * 37) % 100 < 15`);
  const user = await createUser(db, { name: 'Bench respondent', memberOf: { [size.pageCode]: 'viewer' } });

  progress(`${size.name}: scans`);
  await db.execute(sql`
    insert into scans (organisation_id, framework_version, period, title, status, created_by_user_id,
                       created_at, submitted_at, submitted_by_user_id)
    select o.id, ${frameworkVersion}, p, 'Bench scan ' || p, 'submitted', ${user.id}::int,
           make_timestamptz(p, 1, 1 + o.id % 28, 9, 0, 0, 'UTC'),
           make_timestamptz(p, 3, 1 + o.id % 28, 12, 0, 0, 'UTC'), ${user.id}::int
    from (${orgs}) as o cross join generate_series(${periods[0]}::int, ${latestPeriod}::int) as p`);
  await db.execute(
    sql`insert into scan_respondents (scan_id, user_id) select id, ${user.id}::int from scans`,
  );

  const questions = valuesTable(
    'q',
    ['id', 'n'],
    questionIds().map((id, i) => sql`(${id}::text, ${i + 1}::int)`),
  );
  for (const period of periods) {
    progress(`${size.name}: answers of ${period}`);
    await db.execute(sql`
      insert into scan_answers (scan_id, user_id, question_id, response, current_level, target_level, updated_at)
      select s.id, ${user.id}::int, q.id, 'level', 1 + (s.organisation_id * 7 + s.period + q.n * 13) % 5, 4,
             s.submitted_at
      from scans s cross join ${questions}
      where s.period = ${period}::int`);
  }

  progress(`${size.name}: scores`);
  const framework = getFramework(frameworkVersion);
  const themes = valuesTable(
    't',
    ['key', 'pillar', 'n', 'questions'],
    framework.themes.map(
      (t, i) => sql`(${t.id}::text, ${t.pillar}::text, ${i + 1}::int, ${t.questions.length}::int)`,
    ),
  );
  // Theme scores from the organisation and period; 2% without a score (every answer "weet ik
  // niet"), so that the per-figure rule has work to do. Pillar and overall: averages of the scores.
  await db.execute(sql`
    with theme_scores as (
      select s.id as scan_id, t.key, t.pillar, t.questions,
             case when (s.organisation_id * 11 + s.period * 5 + t.n * 7) % 50 = 0 then null
                  else ((s.organisation_id * 7 + s.period * 13 + t.n * 3) % 40) / 10.0 + 1 end as score
      from scans s cross join ${themes}
    )
    insert into scan_scores (scan_id, kind, key, score, target, answered, questions)
    select scan_id, 'theme', key, score, 4, case when score is null then 0 else questions end, questions
    from theme_scores
    union all
    select scan_id, 'pillar', pillar, round(avg(score), 2), 4,
           sum(case when score is null then 0 else questions end), sum(questions)
    from theme_scores group by scan_id, pillar
    union all
    select scan_id, 'overall', 'all', round(avg(score), 2), 4,
           sum(case when score is null then 0 else questions end), sum(questions)
    from theme_scores group by scan_id`);
  // A real database has statistics (autovacuum); a freshly loaded one needs them now.
  await db.execute(sql`analyze`);
  return { userId: user.id };
}

async function timedGet(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const status = await httpGet(url, { headers, timeoutMs: 600_000 });
  if (status !== 200) throw new Error(`GET ${url} answered ${status}, expected 200`);
  return performance.now() - started;
}

async function measureTarget(
  label: string,
  url: string,
  headers: Record<string, string>,
  meter: CostMeter,
): Promise<Measured> {
  meter.start();
  const firstMs = await timedGet(url, headers);
  if (firstMs > sequentialBudgetMs) {
    progress(
      `${label}: first request took ${fixed(firstMs)} ms, over ${sequentialBudgetMs} ms: not repeated`,
    );
    return {
      mode: 'first request only',
      firstMs,
      requests: 1,
      rps: 1000 / firstMs,
      p50: firstMs,
      p95: firstMs,
      failed: 0,
      server: meter.stop(),
    };
  }
  // The second (warm) call decides: 10 connections, or one request at a time when 10 queued
  // requests would near the load client's timeout.
  meter.start();
  const warmMs = await timedGet(url, headers);
  if (warmMs * load.concurrency < loadClientTimeoutMs / 2) {
    progress(`${label}: ${load.concurrency} connections for ${seconds} s (warm request ${fixed(warmMs)} ms)`);
    meter.start();
    const r = await runLoad({ url, headers, ...load });
    const server = meter.stop();
    return {
      mode: `${load.concurrency} conn × ${seconds} s`,
      firstMs,
      requests: r.requests,
      rps: r.rps,
      p50: r.p50,
      p95: r.p95,
      failed: r.non2xx + r.errors,
      server,
    };
  }
  const count = Math.max(1, Math.min(5, Math.floor(sequentialBudgetMs / warmMs)));
  progress(`${label}: warm request took ${fixed(warmMs)} ms, so ${count} one at a time`);
  const latencies = [warmMs];
  const begun = performance.now() - warmMs;
  while (latencies.length < count) latencies.push(await timedGet(url, headers));
  const sorted = Float64Array.from(latencies).sort();
  return {
    mode: `sequential × ${count}`,
    firstMs,
    requests: count,
    rps: count / ((performance.now() - begun) / 1000),
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    failed: 0,
    server: meter.stop(),
  };
}

/**
 * A Db handle that behaves as `db` (same connection) but is a different object: the service keys
 * its per-process cache by Db, so calls through this handle compute everything again.
 */
const freshHandle = (db: Db): Db => Object.create(db) as Db;

/** One call each, in-process: where the time of a request goes, computed afresh and from the cache. */
async function breakdownOf(db: Db, pageGroup: string): Promise<Breakdown> {
  const fresh = freshHandle(db);
  const [groups, groupsOfPeriodMs] = await timed(() => groupsOfPeriod(fresh, latestPeriod));
  const [contributions, contributionsOfMs] = await timed(() => contributionsOf(db, latestPeriod));
  const [peer, peerGroupsMs] = await timed(() => peerGroups(contributions));
  const named = new Set(contributions.filter((c) => c.isNamed).map((c) => c.organisationId));
  const [, decideGroupsMs] = await timed(() =>
    decideGroups(
      peer.map((g) => ({
        id: g.id,
        contributors: new Set(g.contributors.map((c) => c.organisationId)),
        named,
      })),
    ),
  );
  const [, figuresOfAllMs] = await timed(() => figuresOf(fresh, groups, 'all'));
  const scanIds = groups.contributions.map((c) => c.scanId);
  const [, groupStatisticsAllMs] = await timed(() => groupStatistics(db, scanIds));
  const [, trendOfPageGroupMs] = await timed(() => trendOf(freshHandle(db), pageGroup));
  const [, openDataSetMs] = await timed(() => openDataSet(freshHandle(db), { period: latestPeriod }));
  const [cachedGroups, cachedGroupsMs] = await timed(() => groupsOfPeriod(db, latestPeriod));
  const [, cachedFiguresMs] = await timed(() => figuresOf(db, cachedGroups, 'all'));
  const [, cachedTrendMs] = await timed(() => trendOf(db, pageGroup));
  return {
    contributions: groups.contributions.length,
    groups: groups.groups.length,
    shownGroups: [...groups.decisions.values()].filter((d) => d.isShown).length,
    uncached: {
      groupsOfPeriodMs,
      contributionsOfMs,
      peerGroupsMs,
      decideGroupsMs,
      figuresOfAllMs,
      groupStatisticsAllMs,
      trendOfPageGroupMs,
      openDataSetMs,
    },
    cached: {
      groupsOfPeriodMs: cachedGroupsMs,
      figuresOfAllMs: cachedFiguresMs,
      trendOfPageGroupMs: cachedTrendMs,
    },
  };
}

/** The group the page shows by default: as loadBenchmark picks it (MRDH, own province, all). */
async function pageGroupOf(db: Db, code: string): Promise<{ group: string; sharing: string }> {
  const [row] = await rows<{ province: string | null; sharing: string }>(
    db,
    sql`select o.province_code as province, coalesce(s.mode, 'aggregated') as sharing
        from organisations o left join sharing_settings s on s.organisation_id = o.id where o.code = ${code}`,
  );
  const groups = await groupsOfPeriod(db, latestPeriod);
  const shown = (id: string) => groups.decisions.get(id)?.isShown === true;
  const own = groups.contributions.find((c) => c.code === code);
  const candidates = [
    own?.networks.includes('mrdh') ? 'network:mrdh' : undefined,
    row?.province ? `province:${row.province}` : undefined,
  ];
  return {
    group: candidates.find((id) => id !== undefined && shown(id)) ?? 'all',
    sharing: row?.sharing ?? '?',
  };
}

async function measureSize(config: Config, size: Size, database: string): Promise<Run> {
  progress(`${size.name} on ${database}: preparing the database`);
  const opened = await openAndPrepareDatabase(config);
  try {
    const { db } = opened;
    const seedStarted = performance.now();
    const { userId } = await seed(db, size);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const count = (table: string) => scalar(db, sql`select count(*)::float8 as value from ${sql.raw(table)}`);
    const counts = {
      organisations: await scalar(
        db,
        sql`select count(distinct organisation_id)::float8 as value from scans`,
      ),
      scans: await count('scans'),
      answers: await count('scan_answers'),
      scores: await count('scan_scores'),
    };
    const databaseMb =
      (await scalar(db, sql`select pg_database_size(current_database())::float8 as value`)) / 1024 ** 2;
    progress(
      `${size.name} on ${database}: seeded ${counts.answers} answers in ${fixed(seedSeconds, 1)} s, ${fixed(databaseMb)} MB`,
    );
    const { group: pageGroup, sharing: pageSharing } = await pageGroupOf(db, size.pageCode);
    const app = await buildApp({ config, database: opened, logger: false });
    try {
      const origin = await app.listen({ port: 0, host: '127.0.0.1' });
      const meter = costMeter(app.server, db);
      const headers = { cookie: `rk_session=${await createSession(db, userId)}` };
      const label = `${size.name} on ${database}`;
      const pageUrl = `${origin}/o/${size.pageCode}/benchmark`;
      const page = await measureTarget(`${label}, page`, pageUrl, headers, meter);
      const apiUrl = `${origin}/api/v1/benchmarks?period=${latestPeriod}`;
      const api = await measureTarget(`${label}, API`, apiUrl, {}, meter);
      const apiAll = await measureTarget(`${label}, API group=all`, `${apiUrl}&group=all`, {}, meter);
      progress(`${label}: in-process breakdown`);
      const breakdown = await breakdownOf(db, pageGroup);
      return {
        size: size.name,
        database,
        ...counts,
        seedSeconds,
        databaseMb,
        pageGroup,
        pageSharing,
        page,
        api,
        apiAll,
        breakdown,
      };
    } finally {
      await app.close();
      app.services.mailer.close();
    }
  } finally {
    await opened.close();
  }
}

async function onPglite(size: Size): Promise<Run> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-bench-benchmark-'));
  try {
    return await measureSize(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), size, 'PGlite');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(url: string, size: Size, name: string): Promise<Run> {
  const label = `PostgreSQL ${await serverVersion(url)}`;
  return withEmptyDatabase(url, name, (dbUrl) =>
    measureSize(loadConfig({ DATABASE_URL: dbUrl, LOG_LEVEL: 'silent' }), size, label),
  );
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    loadAverage: { atStart: loadAtStart, atEnd: Number(os.loadavg()[0]?.toFixed(2)) },
  };
}

const targetOf = (name: Size['name']) => (name === 'Europe' ? europe : netherlands).targetP95Ms;

function printReport(runs: Run[]): void {
  const m = machine();
  console.log(`\nRoutekaart benchmark (peer comparison) figures, ${new Date().toISOString()}`);
  console.log(`Machine: ${m.cpus} × ${m.model}, ${m.memoryGiB} GiB, Node ${m.node}; code ${code}`);
  console.log(`Load average (1 min): ${m.loadAverage.atStart} at start, ${m.loadAverage.atEnd} at end`);
  console.log(
    `Data: one submitted scan per organisation per period (${periods[0]}–${latestPeriod}), ` +
      `${questionsPerScan} answers of one respondent each, 20 stored scores (15 themes, 4 pillars, overall). ` +
      `Answers use the 56 question ids of ${frameworkVersion} plus 4 synthetic ids (bench.q57–bench.q60): ` +
      `the benchmark reads only scan_scores, so the answers count for the volume and the database size only.`,
  );
  console.log(
    `Sharing: ~10% named, ~5% not shared, the rest aggregated (default). Europe: 20,000 synthetic ` +
      `organisations over the 12 provinces, ${europeNetworks} networks of 200. Seed time includes ANALYZE.`,
  );
  console.log(
    `Latency: HTTP on 127.0.0.1, ${load.concurrency} keep-alive connections for ${seconds} s after ` +
      `${load.warmupMs / 1000} s warm-up; a request whose second (warm) call took over ` +
      `${loadClientTimeoutMs / 2 / load.concurrency} ms (${load.concurrency} queued calls would near the load ` +
      `client's ${loadClientTimeoutMs / 1000} s timeout) is measured one at a time instead ("sequential × n", ` +
      `warm call included, up to ${sequentialBudgetMs / 1000} s), or only by its first call when that alone ` +
      `took over ${sequentialBudgetMs / 1000} s. Page: GET /o/<code>/benchmark signed in; ` +
      `API: GET /api/v1/benchmarks?period=${latestPeriod} (every group), API all: the same with &group=all.\n`,
  );
  const headers = [
    'size',
    'database',
    'orgs',
    'answers',
    'seed s',
    'DB MB',
    'page p50',
    'page p95',
    'page rps',
    'API p50',
    'API p95',
    'API rps',
    'API all p50',
    'API all p95',
    'target p95',
  ];
  console.log(
    formatTable(
      headers,
      runs.map((r) => [
        r.size,
        r.database,
        r.organisations,
        r.answers,
        fixed(r.seedSeconds, 1),
        fixed(r.databaseMb),
        fixed(r.page.p50, 1),
        fixed(r.page.p95, 1),
        fixed(r.page.rps, 1),
        fixed(r.api.p50, 1),
        fixed(r.api.p95, 1),
        fixed(r.api.rps, 1),
        fixed(r.apiAll.p50, 1),
        fixed(r.apiAll.p95, 1),
        `< ${targetOf(r.size)}`,
      ]),
    ),
  );
  console.log('\nHow each figure was measured (latencies in ms):');
  console.log(
    formatTable(
      ['size', 'database', 'target', 'mode', 'first request', 'requests', 'failed', 'p95 vs target'],
      runs.flatMap((r) =>
        (
          [
            [`page ${r.pageGroup} (${r.pageSharing})`, r.page],
            ['API', r.api],
            ['API group=all', r.apiAll],
          ] as const
        ).map(([what, m]) => [
          r.size,
          r.database,
          what,
          m.mode,
          fixed(m.firstMs, 1),
          m.requests,
          m.failed,
          `${fixed(m.p95 / targetOf(r.size), 1)}×`,
        ]),
      ),
    ),
  );
  console.log(
    `\nServer cost per request, over the measured requests: CPU time of the server process (the load ` +
      `client runs in its own), database queries, and time inside the driver's query call. With ` +
      `${load.concurrency} connections on one free core a request waits for about ${load.concurrency} × its ` +
      `CPU time, whatever the load average; the latencies above also hold the wait for a busy core.`,
  );
  console.log(
    formatTable(
      [
        'size',
        'database',
        'target',
        'requests',
        'CPU ms',
        `${load.concurrency} × CPU ms`,
        'queries',
        'DB ms',
      ],
      runs.flatMap((r) =>
        (
          [
            ['page', r.page],
            ['API', r.api],
            ['API group=all', r.apiAll],
          ] as const
        ).map(([what, m]) => [
          r.size,
          r.database,
          what,
          m.server.requests,
          fixed(m.server.cpuMsPerRequest, 2),
          fixed(m.server.cpuMsPerRequest * load.concurrency, 1),
          fixed(m.server.queriesPerRequest, 2),
          fixed(m.server.dbMsPerRequest, 2),
        ]),
      ),
    ),
  );
  console.log(
    `\nIn-process, one call each for period ${latestPeriod} (ms), after the HTTP runs. Uncached: through a ` +
      `fresh Db handle, which misses the per-Db cache of benchmark.service.ts, so everything is computed ` +
      `as on the first request after a submission; ↳ rows are their parts, "rest" = figuresOf − ` +
      `groupStatistics (missing-score query and per-figure rule). openDataSet is the API without a group.`,
  );
  console.log(
    formatTable(
      [
        'size',
        'database',
        'contrib.',
        'groups',
        'shown',
        'groupsOfPeriod',
        '↳ contributionsOf',
        '↳ peerGroups',
        '↳ decideGroups',
        "figuresOf 'all'",
        '↳ groupStatistics',
        '↳ rest',
        'trendOf page group',
        'openDataSet',
      ],
      runs.map((r) => {
        const b = r.breakdown;
        const u = b.uncached;
        return [
          r.size,
          r.database,
          b.contributions,
          b.groups,
          b.shownGroups,
          fixed(u.groupsOfPeriodMs, 1),
          fixed(u.contributionsOfMs, 1),
          fixed(u.peerGroupsMs, 1),
          fixed(u.decideGroupsMs, 1),
          fixed(u.figuresOfAllMs, 1),
          fixed(u.groupStatisticsAllMs, 1),
          fixed(u.figuresOfAllMs - u.groupStatisticsAllMs, 1),
          fixed(u.trendOfPageGroupMs, 1),
          fixed(u.openDataSetMs, 1),
        ];
      }),
    ),
  );
  console.log("\nCached (the server's own Db handle, warmed by the HTTP runs), one call each (ms):");
  console.log(
    formatTable(
      ['size', 'database', 'groupsOfPeriod', "figuresOf 'all'", 'trendOf page group'],
      runs.map((r) => [
        r.size,
        r.database,
        fixed(r.breakdown.cached.groupsOfPeriodMs, 2),
        fixed(r.breakdown.cached.figuresOfAllMs, 2),
        fixed(r.breakdown.cached.trendOfPageGroupMs, 2),
      ]),
    ),
  );
  if (!runs.some((r) => r.size === 'Europe'))
    console.log(
      '\nEurope (20,000 organisations) skipped: it runs on PostgreSQL only; set BENCH_DATABASE_URL.',
    );
  console.log(
    `\n${JSON.stringify(
      {
        bench: 'benchmark',
        code,
        machine: m,
        seconds,
        targets: { netherlandsP95Ms: netherlands.targetP95Ms, europeP95Ms: europe.targetP95Ms },
        runs,
      },
      roundNumbers,
    )}`,
  );
}

function roundNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 100) / 100 : value;
}

const runs: Run[] = [await onPglite(netherlands)];
if (serverUrl) {
  runs.push(await onPostgres(serverUrl, netherlands, `rk_bench_benchmark_nl_${process.pid}`));
  runs.push(await onPostgres(serverUrl, europe, `rk_bench_benchmark_eu_${process.pid}`));
}
printReport(runs);
