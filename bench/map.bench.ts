import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createSession } from '../src/core/auth/sessions.ts';
import type { PageContext } from '../src/core/render/layout.ts';
import { allBoundaries, projectedShapes } from '../src/features/projects/map-geometry.ts';
import { loadMapData, mapProvinceCode } from '../src/features/projects/map.routes.ts';
import { mapPage } from '../src/features/projects/map.views.ts';
import { municipalitiesOfProvince } from '../src/features/projects/projects.queries.ts';
import { createProject } from '../src/features/projects/projects.service.ts';
import { openAndPrepareDatabase } from '../src/startup.ts';
import { createUser } from '../src/testing/factories.ts';
import { fixed, formatTable } from './lib/table.ts';

/**
 * The regional project map: decoding and projecting the boundaries (once per process), drawing the
 * page from data, and the whole request (queries, sharing choices, drawing) with 500 projects of 25
 * municipalities that share by name. Prints figures only.
 */
const runs = Number(process.env.BENCH_RUNS ?? 200);
const progress = (message: string) => console.error(`… ${message}`);

async function timeIt(count: number, fn: () => unknown): Promise<{ p50: number; p95: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    p50: times[Math.floor(count * 0.5)] ?? 0,
    p95: times[Math.floor(count * 0.95)] ?? 0,
    max: times.at(-1) ?? 0,
  };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-bench-map-'));
const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://localhost:3000' });
const database = await openAndPrepareDatabase(config);
try {
  const { db } = database;
  const municipalities = await municipalitiesOfProvince(db, mapProvinceCode);
  const codes = municipalities.map((m) => m.code);

  const coldStart = performance.now();
  allBoundaries();
  const decodeMs = performance.now() - coldStart;
  const projectStart = performance.now();
  const { shapes } = projectedShapes(codes);
  const projectMs = performance.now() - projectStart;
  const svgBytes = shapes.reduce((sum, s) => sum + s.path.length, 0);

  progress('seeding 500 projects');
  const named = municipalities.slice(0, 25);
  for (const m of named)
    await db.execute(
      sql`insert into sharing_settings (organisation_id, mode) values (${m.id}, 'named') on conflict do nothing`,
    );
  for (let i = 0; i < 500; i++) {
    const owner = named[i % named.length];
    const partner = named[(i * 7) % named.length];
    if (!owner || !partner) continue;
    const input = {
      title: `Project ${i}`,
      theme: i % 2 ? 'open-data' : 'ethics',
      task: 'mobility-transition',
      status: 'running' as const,
      partners: '',
      link: null,
      sourceActionId: null,
      municipalityIds: [owner.id, partner.id],
    };
    await createProject(db, owner.id, input, null);
  }

  const ctx: PageContext = {
    locale: 'nl',
    path: '/knowledge/map',
    user: null,
    csrfToken: 'x',
    operatorName: 'Bench',
    organisationCode: undefined,
  };
  const data = await loadMapData(db, {});
  const render = await timeIt(runs, () => mapPage(ctx, data));
  const query = await timeIt(Math.min(runs, 50), () => loadMapData(db, {}));

  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  const user = await createUser(db, { memberOf: { GM0599: 'viewer' } });
  const token = await createSession(db, user.id);
  const cookie = `rk_session=${token}`;
  const request = await timeIt(Math.min(runs, 50), async () => {
    const response = await app.inject({ method: 'GET', url: '/knowledge/map', headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`map page answered ${response.statusCode}`);
  });
  await app.close();

  console.log(
    `Project map of Zuid-Holland (${municipalities.length} municipalities, 500 projects, PGlite, ${os.cpus().length} CPUs)`,
  );
  console.log(
    formatTable(
      ['step', 'p50 ms', 'p95 ms', 'max ms'],
      [
        ['decode 342 boundaries (once per process)', fixed(decodeMs, 1), '', ''],
        ['project 50 municipalities (once, cached)', fixed(projectMs, 1), '', ''],
        [
          `render the page from data (${runs}×)`,
          fixed(render.p50, 2),
          fixed(render.p95, 2),
          fixed(render.max, 2),
        ],
        [
          'load map data: queries + sharing (50×)',
          fixed(query.p50, 1),
          fixed(query.p95, 1),
          fixed(query.max, 1),
        ],
        [
          'GET /knowledge/map through the app (50×)',
          fixed(request.p50, 1),
          fixed(request.p95, 1),
          fixed(request.max, 1),
        ],
      ],
    ),
  );
  console.log(`SVG path data: ${fixed(svgBytes / 1024, 1)} kB`);
} finally {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
