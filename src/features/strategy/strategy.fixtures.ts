import type { Db } from '../../core/db/database.ts';
import { extractCsrf, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { latestFrameworkVersion } from '../framework/index.ts';
// Tests only: a submitted scan with stored theme scores, without answering every question.
import { scans, scanScores } from '../scan/index.ts';

export async function insertSubmittedScan(
  db: Db,
  organisationId: number,
  themes: Record<string, { score: number | null; target: number | null }>,
  period = 2026,
): Promise<number> {
  const [scan] = await db
    .insert(scans)
    .values({
      organisationId,
      frameworkVersion: latestFrameworkVersion(),
      period,
      title: `Nulmeting ${period}`,
      status: 'submitted',
      submittedAt: new Date(),
    })
    .returning({ id: scans.id });
  if (!scan) throw new Error('scan not created');
  const rows = Object.entries(themes).map(([key, s]) => ({
    scanId: scan.id,
    kind: 'theme' as const,
    key,
    score: s.score,
    target: s.target,
    answered: 3,
    questions: 3,
  }));
  if (rows.length > 0) await db.insert(scanScores).values(rows);
  return scan.id;
}

/** A multipart/form-data body with text fields and one file, as a browser sends it. */
export function multipartBody(
  fields: Record<string, string>,
  file: { name: string; filename: string; type: string; data: Buffer },
) {
  const boundary = `----routekaart${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts a form that may repeat a field (checkboxes), with the CSRF token of the session. */
export async function send(
  t: TestApp,
  client: TestClient,
  url: string,
  form: Record<string, string | string[]>,
) {
  const token = extractCsrf((await client.get('/accessibility')).body);
  const body = new URLSearchParams({ _csrf: token });
  for (const [name, value] of Object.entries(form))
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: client.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

export function actionForm(
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  return {
    title: 'Datagedreven aanpak warmtetransitie',
    description: 'Wijken met **warmteplannen** koppelen aan open data.',
    themeId: 'data-ecosystem',
    taskIds: ['energy-transition'],
    departments: 'Stadsontwikkeling; Informatievoorziening',
    start: '2026-Q2',
    end: '2027-Q1',
    budget: '125.000',
    budgetKind: 'project',
    partners: 'Stedin',
    status: 'running',
    progress: '20',
    milestones: '2026-09-30 | Eerste wijk | klaar\n2027-03-31 | Alle wijken',
    version: '0',
    frameworkActionId: '',
    ...overrides,
  };
}
