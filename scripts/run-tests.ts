import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/core/db/database.ts';
import { prepareDatabase } from '../src/startup.ts';
import { seedDemo } from '../src/cli/seed-demo.ts';
import type { Db } from '../src/core/db/database.ts';
import { apiCoverageDirEnv } from '../src/testing/api-contract-watch.ts';
import {
  defaultOperations,
  describeUncovered,
  readExercises,
  uncoveredOperations,
} from '../src/testing/api-coverage.ts';
import { testPassword } from '../src/testing/factories.ts';
import {
  databaseUrlFor,
  openTestDatabase,
  templateEnv,
  type TestTemplate,
} from '../src/testing/test-database.ts';

/**
 * Runs a suite with Node's test runner: builds a migrated template database for the run (and one
 * with the demo data when a selected file needs it), then every test file clones one. Fails when it
 * finds no test file (Node would pass silently). After the unit suite, compares the API operations
 * the test files saw succeed with the OpenAPI document: a full run fails on any operation without
 * such a test; a run of some files only lists them.
 */
const suite = process.argv[2] === 'e2e' ? 'e2e' : 'unit';
const root = path.resolve(import.meta.dirname, '..');
const pattern = suite === 'e2e' ? /\.e2e\.ts$/ : /\.test\.ts$/;
const searchIn = suite === 'e2e' ? ['e2e'] : ['src', 'scripts', 'bench'];
const filter = process.argv.slice(3);

function findFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findFiles(full);
    return pattern.test(entry.name) ? [full] : [];
  });
}

const files = searchIn
  .flatMap((d) => findFiles(path.join(root, d)))
  .filter((f) => filter.length === 0 || filter.some((part) => f.includes(part)))
  .sort();
if (files.length === 0) {
  console.error(`No ${suite} test files found: a suite that runs nothing must fail.`);
  process.exit(1);
}

const env: Record<string, string | undefined> = { ...process.env };
const serverUrl = process.env.TEST_DATABASE_URL;
// A file asks for the demo template with `demoData: true` (createTestApp), `openTestDatabase('demo')`
// or `startDemoJourney(`.
const needsDemo = files.some((f) =>
  /demoData: true|openTestDatabase\('demo'\)|startDemoJourney\(/.test(fs.readFileSync(f, 'utf8')),
);
const started = performance.now();
const templates = serverUrl ? postgresTemplates(serverUrl) : pgliteTemplates();
await templates.build('migrated', async () => {});
if (needsDemo) await templates.build('demo', (db) => seedDemo(db, testPassword).then(() => {}));
console.log(
  `template databases ready (${serverUrl ? 'PostgreSQL' : 'PGlite'}${needsDemo ? ', with the demo' : ''}) ` +
    `in ${Math.round(performance.now() - started)} ms`,
);

interface Templates {
  /** Builds a template: the migrated schema, then `fill`; the demo starts from the migrated one. */
  build(template: TestTemplate, fill: (db: Db) => Promise<void>): Promise<void>;
  cleanup(): Promise<void>;
}

function postgresTemplates(url: string): Templates {
  const made: string[] = [];
  return {
    async build(template, fill) {
      const name = `rk_template_${template}_${process.pid}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`drop database if exists ${name}`);
        const from = made[0];
        await admin.query(from ? `create database ${name} template ${from}` : `create database ${name}`);
      } finally {
        await admin.end();
      }
      made.push(name);
      const database = await openDatabase({ databaseUrl: databaseUrlFor(url, name), poolSize: 1 });
      await prepareDatabase(database);
      await fill(database.db);
      await database.close();
      env[templateEnv[template].database] = process.env[templateEnv[template].database] = name;
    },
    async cleanup() {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      for (const name of made.reverse()) await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

function pgliteTemplates(): Templates {
  const made: string[] = [];
  return {
    async build(template, fill) {
      const from = made[0];
      const database = await openDatabase(from ? { loadDataDir: new Blob([fs.readFileSync(from)]) } : {});
      await prepareDatabase(database);
      await fill(database.db);
      if (!database.dump) throw new Error('the embedded database cannot be dumped');
      const dump = Buffer.from(await (await database.dump()).arrayBuffer());
      await database.close();
      const file = path.join(os.tmpdir(), `routekaart-template-${template}-${process.pid}.tar.gz`);
      fs.writeFileSync(file, dump);
      made.push(file);
      env[templateEnv[template].file] = process.env[templateEnv[template].file] = file;
    },
    async cleanup() {
      for (const file of made) fs.rmSync(file, { force: true });
    },
  };
}

// Each test process notes the API answers it saw here (src/testing/api-contract-watch.ts).
const coverageDir =
  suite === 'unit' ? fs.mkdtempSync(path.join(os.tmpdir(), 'routekaart-api-coverage-')) : undefined;
if (coverageDir) env[apiCoverageDirEnv] = coverageDir;

/**
 * Whether every operation of the OpenAPI document (of the default configuration) answered with
 * success in some test. Only a full run can judge it: with a file filter it lists the operations
 * the selected files do not reach and passes.
 */
async function judgeApiCoverage(dir: string): Promise<boolean> {
  const exercises = readExercises(dir);
  fs.rmSync(dir, { recursive: true, force: true });
  const isFullRun = filter.length === 0;
  if (!isFullRun && exercises.length === 0) return true;
  const database = await openTestDatabase('migrated');
  const operations = await defaultOperations(database).finally(() => database.close());
  const uncovered = uncoveredOperations(operations, exercises);
  if (uncovered.length === 0) {
    console.log(`API coverage: each of the ${operations.length} operations answered with success in a test`);
    return true;
  }
  const list = describeUncovered(uncovered);
  if (isFullRun) {
    console.error(
      `API coverage: ${uncovered.length} of the ${operations.length} operations of the OpenAPI document ` +
        `have no test that sees them succeed (docs/api.md, "Contract tests"):\n${list}`,
    );
    return false;
  }
  console.log(`API coverage, not judged on a partial run; the selected files do not reach:\n${list}`);
  return true;
}

const concurrency = suite === 'e2e' ? 1 : 2;
// A test that hangs (a browser waiting for an event that never comes) fails after a few minutes
// instead of holding CI until its own limit. The limit also bounds each file as a whole, and a
// browser file that sweeps every page of the demo needs minutes on a busy machine: hence more room
// for the browser journeys than for the unit files.
const testTimeoutMs = suite === 'e2e' ? 420_000 : 240_000;
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    `--test-timeout=${testTimeoutMs}`,
    '--test-reporter=spec',
    ...files,
  ],
  { stdio: 'inherit', env },
);
const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
let isCovered = true;
try {
  if (coverageDir) isCovered = await judgeApiCoverage(coverageDir);
} finally {
  await templates.cleanup();
}
process.exit(code === 0 && !isCovered ? 1 : code);
