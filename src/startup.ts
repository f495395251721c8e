import type { Config } from './config.ts';
import { openDatabase, type Database } from './core/db/database.ts';
import { loadReferenceData } from './core/db/reference-data.ts';
import { registerFrameworks } from './features/framework/index.ts';

/** Migrations, reference data, framework versions: what every database needs before use. */
export async function prepareDatabase(database: Database): Promise<void> {
  await database.migrate();
  await loadReferenceData(database.db);
  await registerFrameworks(database.db);
}

/** Opens the configured database and prepares it: shared by the server, the CLI and the tests. */
export async function openAndPrepareDatabase(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await prepareDatabase(database);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
