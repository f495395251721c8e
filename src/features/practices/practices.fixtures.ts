import type { Db } from '../../core/db/database.ts';
import { organisationId } from '../../testing/factories.ts';
import { extractCsrf, type TestApp, type TestClient } from '../../testing/test-app.ts';
import {
  createPractice,
  setContactConsent,
  setPracticeStatus,
  type PracticeInput,
} from './practices.service.ts';
import type { PracticeStatus } from './practices.tables.ts';

export const tinyPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
/** The start of a Linux executable: refused whatever its name says. */
export const elfBytes = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);

export interface FilePart {
  name: string;
  filename: string;
  type: string;
  data: Buffer;
}

/** A multipart/form-data body; repeated text fields as arrays. */
export function multipart(fields: Record<string, string | string[]>, files: FilePart[] = []) {
  const boundary = `----rk${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value])
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`),
      );
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts a practice form as the browser does (multipart, CSRF token from the form page). */
export async function postPracticeForm(
  t: TestApp,
  client: TestClient,
  url: string,
  fields: Record<string, string | string[]>,
  files: FilePart[] = [],
) {
  const token = extractCsrf((await client.get('/knowledge')).body);
  const body = multipart({ _csrf: token, ...fields }, files);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: client.cookieHeader, 'content-type': body.contentType },
    payload: body.payload,
  });
}

export const validFields = {
  title: 'Sensoren voor hittestress',
  summary: 'Wij meten hittestress in de wijken.',
  body: 'De **gemeente** hing sensoren op.',
  pillar: 'foundation',
  themes: ['infrastructure-and-sensors'],
  tasks: ['healthy-urban-living'],
  periodStart: '2024',
  periodEnd: '',
  partners: 'Hogeschool',
  results: 'Een hittekaart.',
  lessons: 'Begin klein.',
  contact: '',
  links: 'Hittekaart | https://example.org/hitte',
};

const baseInput: PracticeInput = {
  title: 'Titel',
  summary: 'Samenvatting',
  body: '',
  pillar: 'foundation',
  themes: ['infrastructure-and-sensors'],
  tasks: [],
  periodStart: 2024,
  periodEnd: 2024,
  partners: '',
  results: '',
  lessons: '',
  contactUserId: null,
  links: [],
};

/** A practice stored directly through the service, in the given state. */
export async function storePractice(
  db: Db,
  code: string,
  actorId: number,
  input: Partial<PracticeInput>,
  status: PracticeStatus = 'public',
): Promise<number> {
  const orgId = await organisationId(db, code);
  const result = await createPractice(db, {
    organisationId: orgId,
    actorId,
    input: { ...baseInput, ...input },
    attachments: [],
  });
  if (!result.ok) throw new Error(`practice not stored: ${result.problem}`);
  if (status !== 'draft') {
    await setPracticeStatus(db, {
      practiceId: result.practiceId,
      organisationId: orgId,
      actorId,
      status: status === 'withdrawn' ? 'network' : status,
    });
    if (status === 'withdrawn')
      await setPracticeStatus(db, { practiceId: result.practiceId, organisationId: orgId, actorId, status });
  }
  return result.practiceId;
}

export { setContactConsent };
