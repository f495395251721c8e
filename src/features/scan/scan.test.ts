import { parse as parseCsv } from 'csv-parse/sync';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { desc, eq } from 'drizzle-orm';
import { auditLog } from '../../core/db/core.tables.ts';
import { outbox } from '../../core/mail/mail.tables.ts';
import { organisationId } from '../../testing/factories.ts';
import { createApiToken } from '../organisations/index.ts';
import { createTestApp, extractCsrf, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { getFramework, latestFrameworkVersion } from '../framework/index.ts';
import { scanAnswers, scans, scanScores } from './scan.tables.ts';

const framework = () => getFramework(latestFrameworkVersion());
const firstTheme = () => {
  const theme = framework().themes[0];
  if (!theme) throw new Error('framework without themes');
  return theme;
};

async function startScan(
  t: TestApp,
  client: TestClient,
  code: string,
  respondents: number[],
  period = '2026',
) {
  const form = new URLSearchParams({
    title: `Nulmeting ${period}`,
    period,
    frameworkVersion: latestFrameworkVersion(),
  });
  for (const id of respondents) form.append('respondents', String(id));
  const page = await client.get(`/o/${code}/scans/new`);
  form.set('_csrf', extractCsrf(page.body));
  const response = await t.app.inject({
    method: 'POST',
    url: `/o/${code}/scans`,
    headers: { cookie: client.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form.toString(),
  });
  assert.equal(response.statusCode, 303, response.body.slice(0, 300));
  return Number(/scans\/(\d+)$/.exec(String(response.headers.location))?.[1]);
}

/** Answers every question of the first theme with one level, through the form. */
async function answerTheme(client: TestClient, code: string, scanId: number, level: string) {
  const form: Record<string, string> = { then: 'stay' };
  for (const q of firstTheme().questions) {
    form[`q.${q.id}.response`] = level;
    form[`q.${q.id}.target`] = '4';
    form[`q.${q.id}.note`] = `toelichting ${level}`;
  }
  const url = `/o/${code}/scans/${scanId}/answer/${firstTheme().id}`;
  return client.post(url, form, url);
}

describe('the maturity scan', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('lets an editor start a scan and mails each respondent', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'editor');
    const { user: colleague } = await signedInAs(t, 'GM0599', 'viewer');
    const scanId = await startScan(t, client, 'GM0599', [colleague.id]);
    const [scan] = await t.db.select().from(scans).where(eq(scans.id, scanId));
    assert.equal(scan?.frameworkVersion, latestFrameworkVersion());
    const mails = await t.db.select().from(outbox).where(eq(outbox.recipient, colleague.email));
    assert.equal(mails.length, 1);
    assert.match(mails[0]?.textBody ?? '', new RegExp(`/o/GM0599/scans/${scanId}/answer`));
  });

  it('refuses a scan without respondents or with a bad year, keeping what was typed', async () => {
    const { client } = await signedInAs(t, 'GM0599', 'editor');
    const response = await client.post(
      '/o/GM0599/scans',
      { title: 'Mijn scan', period: '1850', frameworkVersion: latestFrameworkVersion() },
      '/o/GM0599/scans/new',
    );
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /jaartal in tussen 2000 en 2100/);
    assert.match(response.body, /minstens één collega/);
    assert.match(response.body, /value="Mijn scan"/);
  });

  it('saves a respondent’s answers per theme and shows them again', async () => {
    const { user, client } = await signedInAs(t, 'GM0518', 'editor');
    const scanId = await startScan(t, client, 'GM0518', [user.id]);
    const saved = await answerTheme(client, 'GM0518', scanId, '3');
    assert.equal(saved.statusCode, 303);
    const page = await client.get(String(saved.headers.location));
    assert.match(page.body, /Uw antwoorden zijn opgeslagen/);
    assert.match(page.body, /value="3"\s+checked/);
    assert.match(
      page.body,
      new RegExp(`${firstTheme().questions.length} van ${firstTheme().questions.length} vragen beantwoord`),
    );
  });

  it('refuses a level outside 1–5 and an unknown question, and changes nothing', async () => {
    const { user, client } = await signedInAs(t, 'GM0503', 'editor');
    const scanId = await startScan(t, client, 'GM0503', [user.id]);
    const q = firstTheme().questions[0];
    assert.ok(q);
    const url = `/o/GM0503/scans/${scanId}/answer/${firstTheme().id}`;
    const bad = await client.post(url, { [`q.${q.id}.response`]: '7', then: 'stay' }, url);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Kies een niveau van 1 tot en met 5/);
    const csrf = extractCsrf((await client.get(url)).body);
    const unknown = await client.request(
      'POST',
      `/o/GM0503/scans/${scanId}/answers`,
      { questionId: 'nope.nothing', response: '2' },
      { 'x-csrf-token': csrf },
    );
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.json<{ message: string }>().message, /hoort niet bij de versie van het raamwerk/);
    assert.equal((await t.db.select().from(scanAnswers).where(eq(scanAnswers.scanId, scanId))).length, 0);
  });

  it('saves one answer at a time for the page script, with the CSRF header', async () => {
    const { user, client } = await signedInAs(t, 'GM0546', 'editor');
    const scanId = await startScan(t, client, 'GM0546', [user.id]);
    const q = firstTheme().questions[1];
    assert.ok(q);
    const csrf = extractCsrf((await client.get(`/o/GM0546/scans/${scanId}`)).body);
    const response = await client.request(
      'POST',
      `/o/GM0546/scans/${scanId}/answers`,
      { questionId: q.id, response: 'unknown', note: 'navragen bij de CIO' },
      { 'x-csrf-token': csrf },
    );
    assert.equal(response.statusCode, 200);
    const [row] = await t.db.select().from(scanAnswers).where(eq(scanAnswers.scanId, scanId));
    assert.equal(row?.response, 'unknown');
    assert.equal(row?.note, 'navragen bij de CIO');
    const forged = await client.request('POST', `/o/GM0546/scans/${scanId}/answers`, {
      questionId: q.id,
      response: '2',
    });
    assert.equal(forged.statusCode, 403);
  });

  it('lets only invited respondents answer', async () => {
    const { user, client } = await signedInAs(t, 'GM0637', 'editor');
    const { client: other } = await signedInAs(t, 'GM0637', 'editor');
    const scanId = await startScan(t, client, 'GM0637', [user.id]);
    const response = await answerTheme(other, 'GM0637', scanId, '2');
    assert.equal(response.statusCode, 403);
  });

  it("does not find another municipality's scan under one's own organisation", async () => {
    const { user, client } = await signedInAs(t, 'GM0513', 'editor');
    const scanId = await startScan(t, client, 'GM0513', [user.id]);
    const { client: stranger } = await signedInAs(t, 'GM1783', 'admin');
    for (const path of [
      '',
      '/results',
      '/consensus',
      '/answers.csv',
      '/scores.csv',
      '/export.xlsx',
      `/answer/${firstTheme().id}`,
    ]) {
      assert.equal((await stranger.get(`/o/GM1783/scans/${scanId}${path}`)).statusCode, 404, path);
      assert.equal((await stranger.get(`/o/GM0513/scans/${scanId}${path}`)).statusCode, 403, path);
    }
  });
});

describe('consensus, submission and results', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('takes a team from disagreement through consensus to submitted results', async () => {
    const { user: anna, client: annaClient } = await signedInAs(t, 'GM0599', 'editor', { name: 'Anna' });
    const { user: bart, client: bartClient } = await signedInAs(t, 'GM0599', 'editor', { name: 'Bart' });
    const { client: admin } = await signedInAs(t, 'GM0599', 'admin');
    const scanId = await startScan(t, annaClient, 'GM0599', [anna.id, bart.id]);
    await answerTheme(annaClient, 'GM0599', scanId, '1');
    await answerTheme(bartClient, 'GM0599', scanId, '4');
    const base = `/o/GM0599/scans/${scanId}`;
    const q = firstTheme().questions[0];
    assert.ok(q);

    const agenda = await annaClient.get(`${base}/consensus/${firstTheme().id}`);
    assert.match(
      agenda.body,
      new RegExp(`Agenda: ${firstTheme().questions.length} vragen met grote verschillen`),
    );
    assert.match(agenda.body, /Groot verschil: 3 niveaus/);

    const blocked = await annaClient.post(`${base}/submit`, {}, base);
    assert.equal(blocked.statusCode, 409);
    assert.match(blocked.body, /kan nog niet worden vastgesteld/);

    const consensusUrl = `${base}/consensus/${firstTheme().id}`;
    const first = await annaClient.post(
      consensusUrl,
      { questionId: q.id, expectedVersion: '0', response: '2', target: '4', note: 'besproken in MT' },
      consensusUrl,
    );
    assert.equal(first.statusCode, 303);
    const conflict = await bartClient.post(
      consensusUrl,
      { questionId: q.id, expectedVersion: '0', response: '3', target: '' },
      consensusUrl,
    );
    assert.equal(conflict.statusCode, 409);
    assert.match(
      conflict.body,
      /Anna legde intussen een ander antwoord vast: 2 · Verkennend\. Uw keuze was: 3 · Vastgelegd/,
    );

    for (const other of firstTheme().questions.slice(1)) {
      await annaClient.post(
        consensusUrl,
        { questionId: other.id, expectedVersion: '0', response: '3', target: '4' },
        consensusUrl,
      );
    }
    const submitted = await annaClient.post(`${base}/submit`, {}, base);
    assert.equal(submitted.headers.location, `${base}/results?notice=submitted`);
    const stored = await t.db.select().from(scanScores).where(eq(scanScores.scanId, scanId));
    const themeScore = stored.find((s) => s.kind === 'theme' && s.key === firstTheme().id);
    const expected =
      Math.round(((2 + 3 * (firstTheme().questions.length - 1)) / firstTheme().questions.length) * 100) / 100;
    assert.equal(themeScore?.score, expected);

    const late = await answerTheme(bartClient, 'GM0599', scanId, '5');
    assert.equal(late.statusCode, 409);
    assert.match(late.body, /vastgesteld; er is niets gewijzigd/);

    const results = await annaClient.get(`${base}/results`);
    assert.match(results.body, /<svg[^>]*role="img"/);
    assert.match(results.body, /<caption[^>]*>\s*Scores per thema/);
    assert.match(results.body, /geen eerdere vastgestelde scan/);

    const reopen = await annaClient.post(`${base}/reopen`, {}, base);
    assert.equal(reopen.statusCode, 403, 'an editor cannot reopen');
    const reopened = await admin.post(`${base}/reopen`, {}, base);
    assert.equal(reopened.headers.location, `${base}?notice=reopened`);
    const actions = (await t.db.select().from(auditLog).orderBy(desc(auditLog.id))).map((a) => a.action);
    assert.ok(actions.includes('scan.submitted') && actions.includes('scan.reopened'));
  });

  it('shows the change against the previous submitted scan', async () => {
    const { user, client } = await signedInAs(t, 'GM0505', 'editor');
    const earlier = await startScan(t, client, 'GM0505', [user.id], '2025');
    await answerTheme(client, 'GM0505', earlier, '2');
    await client.post(`/o/GM0505/scans/${earlier}/submit`, {}, `/o/GM0505/scans/${earlier}`);
    const later = await startScan(t, client, 'GM0505', [user.id], '2026');
    await answerTheme(client, 'GM0505', later, '4');
    await client.post(`/o/GM0505/scans/${later}/submit`, {}, `/o/GM0505/scans/${later}`);
    const page = await client.get(`/o/GM0505/scans/${later}/results`);
    assert.match(page.body, /Verandering per thema sinds Nulmeting 2025 \(2025\)/);
    assert.match(page.body, /\+2/);
  });

  it('exports answers and scores as two one-table CSV files and one workbook with two sheets', async () => {
    const { user, client } = await signedInAs(t, 'GM1783', 'editor', { name: 'Chris, "de" tester' });
    const scanId = await startScan(t, client, 'GM1783', [user.id]);
    await answerTheme(client, 'GM1783', scanId, '3');
    const theme = firstTheme();

    const answersCsv = await client.get(`/o/GM1783/scans/${scanId}/answers.csv`);
    assert.match(String(answersCsv.headers['content-type']), /text\/csv/);
    assert.match(String(answersCsv.headers['content-disposition']), /antwoorden\.csv/);
    const answers = parseCsv(answersCsv.body, { bom: true, relax_column_count: false }) as string[][];
    assert.deepEqual(answers[0]?.slice(0, 5), [
      'pijler-sleutel',
      'pijler',
      'thema-sleutel',
      'thema',
      'vraag-id',
    ]);
    assert.equal(answers.length, 1 + theme.questions.length);
    const first = answers[1] ?? [];
    assert.equal(first[0], theme.pillar, 'the stable key in its own column');
    assert.notEqual(first[1], theme.pillar, 'the label in Dutch beside it');
    assert.equal(first[6], 'Chris, "de" tester');

    const scoresCsv = await client.get(`/o/GM1783/scans/${scanId}/scores.csv`);
    const scores = parseCsv(scoresCsv.body, { bom: true, relax_column_count: false }) as string[][];
    assert.deepEqual(scores[0]?.slice(0, 3), ['soort-sleutel', 'soort', 'sleutel']);
    const themeRow = scores.find((r) => r[2] === theme.id);
    assert.deepEqual(themeRow?.slice(0, 2), ['theme', 'thema']);
    assert.equal(themeRow?.[4], '3');
    assert.deepEqual(scores.at(-1)?.slice(0, 3), ['overall', 'totaal', 'all']);

    const xlsx = await client.request('GET', `/o/GM1783/scans/${scanId}/export.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
    assert.equal(workbook.getWorksheet('Antwoorden')?.rowCount, answers.length);
    assert.equal(workbook.getWorksheet('Scores')?.rowCount, scores.length);
  });
});

describe('the scan API', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('returns the organisation’s scans, answers and results to its token only', async () => {
    const { user, client } = await signedInAs(t, 'GM0599', 'admin');
    const scanId = await startScan(t, client, 'GM0599', [user.id]);
    await answerTheme(client, 'GM0599', scanId, '4');
    const token = await createApiToken(t.db, await organisationId(t.db, 'GM0599'), 'rapportage', user.id);
    const get = (url: string) => t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });
    const list = await get('/api/v1/organisations/GM0599/scans');
    assert.equal(list.json<{ items: { id: number; status: string }[] }>().items[0]?.status, 'draft');
    const answers = await get(`/api/v1/organisations/GM0599/scans/${scanId}/answers`);
    assert.equal(answers.json<{ items: unknown[] }>().items.length, firstTheme().questions.length);
    const results = await get(`/api/v1/organisations/GM0599/scans/${scanId}/results`);
    const body = results.json<{ isFinal: boolean; themes: { key: string; score: number | null }[] }>();
    assert.equal(body.isFinal, false);
    assert.equal(body.themes.find((s) => s.key === firstTheme().id)?.score, 4);

    const otherScan = await get(`/api/v1/organisations/GM0518/scans`);
    assert.equal(otherScan.statusCode, 403);
    const bad = await get('/api/v1/organisations/GM0599/scans/not-a-number/results');
    assert.deepEqual(
      bad.json<{ invalidParams: { name: string }[] }>().invalidParams.map((p) => p.name),
      ['params.scanId'],
    );
    assert.equal(bad.statusCode, 400);
  });
});
