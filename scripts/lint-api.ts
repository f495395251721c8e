import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/core/db/database.ts';
import { prepareDatabase } from '../src/startup.ts';

/**
 * Lints the OpenAPI document that an installation with the default configuration serves, with the
 * NL API Design Rules (2.1.0 and the 2.2 draft), both copied into standards/. Fails on any finding,
 * warnings included.
 */
const root = path.resolve(import.meta.dirname, '..');
const database = await openDatabase({});
await prepareDatabase(database);
// The default configuration, as a new installation serves it: only the log is silenced.
const app = await buildApp({
  config: loadConfig({ LOG_LEVEL: 'silent' }),
  database,
  logger: false,
});
const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
await app.close();
await database.close();
if (response.statusCode !== 200) throw new Error(`openapi.json answered ${response.statusCode}`);

const file = path.join(os.tmpdir(), `routekaart-openapi-${process.pid}.json`);
fs.writeFileSync(file, response.body);
let failed = false;
for (const ruleset of ['adr-2.1.0.yaml', 'adr-2.2-draft.yaml']) {
  console.log(`\nSpectral with ${ruleset}:`);
  const result = spawnSync(
    path.join(root, 'node_modules/.bin/spectral'),
    ['lint', '--fail-severity=warn', '-r', path.join(root, 'standards/nl-api-design-rules', ruleset), file],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) failed = true;
}
fs.rmSync(file, { force: true });
process.exit(failed ? 1 : 0);
