import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/config.ts';
import { serverVersion, withEmptyDatabase } from './postgres.ts';

/**
 * Runs one measurement on a fresh embedded database in a temporary directory, then, when
 * BENCH_DATABASE_URL is set, on a fresh database on that PostgreSQL server; returns both results.
 */
export async function onEachDatabase<T>(
  name: string,
  measure: (config: Config, label: string) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rk-bench-${name}-`));
  try {
    results.push(await measure(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), 'PGlite'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const serverUrl = process.env.BENCH_DATABASE_URL || undefined;
  if (serverUrl) {
    const label = `PostgreSQL ${await serverVersion(serverUrl)}`;
    results.push(
      await withEmptyDatabase(serverUrl, `rk_bench_${name}_${process.pid}`, (url) =>
        measure(loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }), label),
      ),
    );
  }
  return results;
}
