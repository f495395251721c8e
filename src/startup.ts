import type { Config } from './config.ts';
import { openDatabase, type Database } from './core/db/database.ts';
import { loadReferenceData } from './core/db/reference-data.ts';

/** Opens the configured database, migrates it and loads the reference data: shared by server and CLI. */
export async function openAndPrepareDatabase(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await database.migrate();
    await loadReferenceData(database.db);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
