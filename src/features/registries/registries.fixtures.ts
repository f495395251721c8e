import type { Db } from '../../core/db/database.ts';
import { organisationId } from '../../testing/factories.ts';
import { extractCsrf, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { registryFields } from './registries-fields.ts';
import { valueContext } from './registries-context.ts';
import { importEntries } from './registries.service.ts';
import type { RegistryKind } from './registries.tables.ts';
import { parseEntry, type Raw } from './registries-values.ts';

/** Register entries for a test, checked like an import; returns nothing, look them up by name. */
export async function addEntries(db: Db, code: string, registry: RegistryKind, rows: Raw[]): Promise<void> {
  const id = await organisationId(db, code);
  const context = await valueContext(db, id);
  const parsed = rows.map((raw) => {
    const result = parseEntry('nl', registry, registryFields[registry], raw, context);
    if (!result.ok) throw new Error(`fixture ${raw.name}: ${Object.values(result.errors).join('; ')}`);
    return { name: result.name, data: result.data };
  });
  await importEntries(db, { organisationId: id, registry: registry, actorUserId: null }, parsed);
}

export const contractRow = (o: Partial<Raw> & { name: string }): Raw => ({
  supplier: 'Leverancier BV',
  subject_category: 'sensors-iot',
  end_date: '2030-01-01',
  data_owner: 'municipality',
  hosting: 'nl',
  ...o,
});

/** Posts a multipart form with one file, as a browser does, with the page's CSRF token. */
export async function postFile(
  client: TestClient,
  t: TestApp,
  url: string,
  file: { name: string; type: string; data: Buffer },
) {
  const token = extractCsrf((await client.get('/accessibility')).body);
  const boundary = '----routekaart-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: client.cookieHeader, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}
