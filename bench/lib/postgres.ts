import pg from 'pg';
import { databaseUrlFor } from '../../src/testing/test-database.ts';

async function adminQuery(serverUrl: string, sql: string): Promise<pg.QueryResult> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export async function serverVersion(serverUrl: string): Promise<string> {
  const result = await adminQuery(serverUrl, 'show server_version');
  const row: { server_version?: string } | undefined = result.rows[0];
  // "15.20 (Debian 15.20-0+deb12u1)" → "15.20"
  return row?.server_version?.split(' ')[0] ?? 'unknown';
}

/** Creates an empty database on the server, hands its URL to `use`, and drops it afterwards. */
export async function withEmptyDatabase<T>(
  serverUrl: string,
  name: string,
  use: (url: string) => Promise<T>,
): Promise<T> {
  await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  await adminQuery(serverUrl, `create database ${name}`);
  try {
    return await use(databaseUrlFor(serverUrl, name));
  } finally {
    await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
  }
}
