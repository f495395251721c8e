import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/core/db/database.ts';
import { prepareDatabase } from '../src/startup.ts';

/**
 * Lints the served OpenAPI document with the NL API Design Rules (2.1.0 and the 2.2 draft), both
 * copied into standards/. Fails on any error-level finding.
 */
const root = path.resolve(import.meta.dirname, '..');
const database = await openDatabase({});
await prepareDatabase(database);
const app = await buildApp({
  config: loadConfig({
    PUBLIC_URL: 'https://routekaart.example.nl',
    LOG_LEVEL: 'silent',
    CONTACT_EMAIL: 'beheer@routekaart.example.nl',
  }),
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
    ['lint', '--fail-severity=error', '-r', path.join(root, 'standards/nl-api-design-rules', ruleset), file],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) failed = true;
}
fs.rmSync(file, { force: true });
process.exit(failed ? 1 : 0);
