import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Runs every bench/*.bench.ts in turn, each in its own process so that one bench's memory and
 * open handles do not colour the next one's figures. Arguments filter by name: `npm run bench -- foundation`.
 */
const benchDir = import.meta.dirname;
const filters = process.argv.slice(2);
const files = fs
  .readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((part) => name.includes(part)))
  .sort();

if (files.length === 0) {
  console.error(`No bench/*.bench.ts matches ${filters.join(', ') || 'anything'}.`);
  process.exit(1);
}

let failed = 0;
for (const name of files) {
  console.log(`\n=== ${name} ===`);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(benchDir, name)], { stdio: 'inherit' });
  const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  if (code !== 0) {
    console.error(`${name} failed with exit code ${code}`);
    failed++;
  }
}
process.exit(failed === 0 ? 0 : 1);
