import { inlineRunner } from '../src/core/workers/worker-tasks.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { toCsv } from '../src/core/render/csv.ts';
import { getFramework, latestFrameworkVersion } from '../src/features/framework/index.ts';
import { sampleActionFields } from '../src/features/strategy/strategy-builders.fixtures.ts';
import { importActions } from '../src/features/strategy/strategy-import.ts';
import type { StrategyAction } from '../src/features/strategy/strategy.model.ts';
import { createStrategy, getActiveStrategy } from '../src/features/strategy/strategy.service.ts';
import {
  exportCsv,
  exportRows,
  exportXlsx,
  readSheet,
} from '../src/features/strategy/strategy-spreadsheet.ts';
import { openAndPrepareDatabase } from '../src/startup.ts';
import { createUser, organisationId } from '../src/testing/factories.ts';

/**
 * Strategy figures: importing a CSV of 500 actions (all new, then all updated) through the same
 * all-or-nothing path as the upload, and exporting them as CSV and XLSX. Prints figures only.
 * Set BENCH_DATABASE_URL to run against PostgreSQL instead of embedded PGlite.
 */
const count = 500;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-strategy-bench-'));
const config = process.env.BENCH_DATABASE_URL
  ? loadConfig({ DATABASE_URL: process.env.BENCH_DATABASE_URL, LOG_LEVEL: 'silent' })
  : loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
const opened = await openAndPrepareDatabase(config);
const { db } = opened;
const framework = getFramework(latestFrameworkVersion());
const org = await organisationId(db, 'GM0599');
const user = await createUser(db, { memberOf: { GM0599: 'editor' } });
const created = await createStrategy(db, {
  organisationId: org,
  actorUserId: user.id,
  fields: { title: 'Bench', startYear: 2026, endYear: 2029, vision: '', tasks: [] },
});
if (!created.ok) throw new Error('strategy not created');
const strategyId = created.strategyId;

/** The CSV an official would upload: the export's columns, rows without an ID (all new). */
const fakeActions: StrategyAction[] = Array.from({ length: count }, (_, n) => ({
  ...sampleActionFields(framework, n, 2026, 2029),
  id: 0,
  strategyId,
  version: 1,
  createdAt: new Date(),
  updatedAt: new Date(),
}));
const newRows = exportRows(framework, fakeActions).map((row, i) =>
  i === 0 ? row : ['', ...row.slice(1, -1), ''],
);
const newCsv = Buffer.from(toCsv(newRows));

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  console.log(`${label.padEnd(46)} ${(performance.now() - started).toFixed(0).padStart(6)} ms`);
  return result;
}

async function importFile(data: Buffer) {
  const sheet = await readSheet(inlineRunner, data);
  if (typeof sheet === 'string') throw new Error(`sheet: ${sheet}`);
  const result = await importActions(db, {
    organisationId: org,
    strategyId,
    actorUserId: user.id,
    locale: 'nl',
    sheet,
  });
  if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result).slice(0, 500)}`);
  return result;
}

console.log(
  `database: ${process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'PGlite (embedded)'}; ${count} actions`,
);
const first = await timed(`import CSV, ${count} new actions`, () => importFile(newCsv));
console.log(`  created ${first.created}`);
const strategy = await getActiveStrategy(db, org);
if (!strategy) throw new Error('no strategy');
const csv = await timed(`export CSV, ${count} actions`, async () => exportCsv(framework, strategy.actions));
await timed(`export XLSX, ${count} actions`, () => exportXlsx(framework, strategy.actions));
const rows = exportRows(framework, strategy.actions);
const progress = rows[0]?.indexOf('Voortgang (%)') ?? -1;
const updated = toCsv(
  rows.map((row, i) => (i === 0 ? row : row.map((cell, j) => (j === progress ? 42 : cell)))),
);
void csv;
const second = await timed(`import CSV, ${count} updated actions`, () => importFile(Buffer.from(updated)));
console.log(`  updated ${second.updated}, unchanged ${second.unchanged}`);
const after = await getActiveStrategy(db, org);
const again = exportCsv(framework, after?.actions ?? []);
const third = await timed(`import CSV, ${count} unchanged actions`, () => importFile(Buffer.from(again)));
console.log(`  unchanged ${third.unchanged}`);
await opened.close();
fs.rmSync(dir, { recursive: true, force: true });
