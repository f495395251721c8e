import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { count as countRows, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../core/db/core.tables.ts';
import { isoDayInAmsterdam } from '../../core/i18n/i18n.ts';
import { organisationId } from '../../testing/factories.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { createStrategyForTest } from '../strategy/strategy-builders.fixtures.ts';
import { actionForm, send } from '../strategy/strategy.fixtures.ts';
import { readDocx, readPdf } from './document-reading.fixtures.ts';
import { councilLetters } from './documents.tables.ts';

/**
 * The council letter through its pages, on both databases: the first letter covers the period since
 * the strategy was recorded, the next one the period since the previous letter (the history and the
 * letter are moved back in time to make the periods), the period's start checked as typed, another
 * format of the same letter saying the same, and who may draft, download and see what.
 */
const page = '/o/GM0599/documents/council-letters';
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
const squash = (text: string) => text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
/** The text of a DOCX's body, one string. */
const docxText = async (bytes: Buffer) =>
  [...(await readDocx(bytes)).document.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ');

describe('the council letter', () => {
  let t: TestApp;
  let editor: TestClient;
  let viewer: TestClient;
  const actionIds: number[] = [];
  let firstLetter = 0;
  let secondLetter = 0;
  let secondFile = 0;

  before(async () => {
    t = await createTestApp();
    ({ client: editor } = await signedInAs(t, 'GM0599', 'editor', { name: 'Eva Editor' }));
    ({ client: viewer } = await signedInAs(t, 'GM0599', 'viewer'));
  });
  after(() => t.close());

  async function addAction(title: string) {
    const response = await send(t, editor, '/o/GM0599/strategy/actions', {
      ...actionForm({ title, status: 'planned', progress: '0' }),
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    const id = Number(/actions\/(\d+)/.exec(String(response.headers.location))?.[1]);
    actionIds.push(id);
    return id;
  }

  async function setStatus(id: number, title: string, status: string, version: string) {
    const response = await send(t, editor, `/o/GM0599/strategy/actions/${id}/edit`, {
      ...actionForm({ title, status, progress: status === 'done' ? '100' : '40', version }),
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
  }

  /** Drafts a letter and returns its id and the id of its file. */
  async function draft(form: Record<string, string>, client = editor) {
    const response = await client.post(page, { format: 'docx', language: 'nl', ...form }, page);
    assert.equal(response.statusCode, 303, squash(response.body).slice(0, 600));
    const match = /council-letters\/(\d+)\?made=(\d+)$/.exec(String(response.headers.location));
    return {
      letterId: Number(match?.[1]),
      fileId: Number(match?.[2]),
      location: String(response.headers.location),
    };
  }

  const letterCount = async () => (await t.db.select({ n: countRows() }).from(councilLetters))[0]?.n ?? 0;

  it('needs an active strategy', async () => {
    assert.match((await editor.get(page)).body, /Er is nog geen actieve strategie/);
    const refused = await editor.post(
      page,
      { periodStart: '2026-01-01', format: 'docx', language: 'nl' },
      page,
    );
    assert.equal(refused.statusCode, 409);
  });

  it('drafts the first letter over the period since the strategy was recorded', async () => {
    const orgId = await organisationId(t.db, 'GM0599');
    const { strategyId } = await createStrategyForTest(t.db, orgId);
    await addAction('Datagedreven warmtetransitie');
    await addAction('Eén loket voor inwoners');
    await addAction('Datastrategie vaststellen');
    const recorded = daysAgo(200);
    await t.db.execute(sql`update strategies set created_at = ${recorded} where id = ${strategyId}`);
    await t.db.execute(sql`update strategy_action_history set at = ${recorded}`);
    const shown = await editor.get(page);
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, new RegExp(`name="periodStart"[^>]*value="${isoDayInAmsterdam(recorded)}"`));
    assert.match(squash(shown.body), /Er is nog geen eerdere brief/);
    assert.match(squash(shown.body), /Er is nog geen raadsinformatiebrief opgesteld/);

    const made = await draft({ periodStart: isoDayInAmsterdam(recorded) });
    firstLetter = made.letterId;
    const letterPage = squash((await editor.get(made.location)).body);
    assert.match(letterPage, /De brief is opgesteld/);
    assert.match(letterPage, /Eva Editor/);
    const file = await editor.get(`/o/GM0599/documents/${made.fileId}`);
    assert.match(String(file.headers['content-type']), /wordprocessingml/);
    assert.match(
      String(file.headers['content-disposition']),
      /raadsinformatiebrief-\d+-[a-z]+-\d{4}-gm0599-v1\.docx/,
    );
    const text = await docxText(file.rawPayload);
    assert.match(text, /Aan: .*de gemeenteraad/);
    assert.match(text, /3 nieuwe acties, 0 acties afgerond en 0 andere wijzigingen van status/);
    assert.doesNotMatch(text, /Wij informeerden u eerder/);
    // The letter was sent a hundred days ago.
    await t.db.execute(
      sql`update council_letters set drafted_at = ${daysAgo(100)} where id = ${firstLetter}`,
    );
  });

  it('drafts the next letter over the period since the previous one: one status change, one completion, one new', async () => {
    const [warmte = 0, loket = 0] = actionIds;
    await setStatus(warmte, 'Datagedreven warmtetransitie', 'running', '1');
    await setStatus(loket, 'Eén loket voor inwoners', 'done', '1');
    await addAction('Open data publiceren');
    const previous = isoDayInAmsterdam(daysAgo(100));
    const shown = squash((await editor.get(page)).body);
    assert.match(shown, /Standaard de dag van de vorige brief/);
    assert.match((await editor.get(page)).body, new RegExp(`name="periodStart"[^>]*value="${previous}"`));

    const made = await draft({ periodStart: previous });
    secondLetter = made.letterId;
    secondFile = made.fileId;
    const text = await docxText((await editor.get(`/o/GM0599/documents/${made.fileId}`)).rawPayload);
    assert.match(text, /1 nieuwe actie, 1 actie afgerond en 1 andere wijziging van status/);
    assert.match(text, /Wij informeerden u eerder met de raadsinformatiebrief van/);
    assert.match(text, /Eén loket voor inwoners \(afgerond op/);
    assert.match(text, /Datagedreven warmtetransitie: van gepland naar in uitvoering/);
    assert.match(text, /Open data publiceren \(.*toegevoegd op/);
    assert.doesNotMatch(text, /Datastrategie vaststellen: van/, 'an action without a change is not listed');
    const [row] = await t.db.select().from(councilLetters).where(eq(councilLetters.id, secondLetter));
    assert.equal(row?.periodStart, previous);
    assert.equal(row?.strategyVersion, 1);
    const audit = await t.db
      .select({ n: countRows() })
      .from(auditLog)
      .where(eq(auditLog.action, 'document.councilLetter.drafted'));
    assert.equal(audit[0]?.n, 2);
  });

  it('refuses a period start that is no date, lies ahead or is empty, keeping what was typed', async () => {
    const before = await letterCount();
    const cases: [string, RegExp][] = [
      ['31-02-2026', /&quot;31-02-2026&quot; is geen bestaande datum/],
      ['2999-01-01', /De periode kan niet na vandaag beginnen/],
      ['', /Vul de dag in waarop de periode begint/],
    ];
    for (const [typed, message] of cases) {
      const response = await editor.post(page, { periodStart: typed, format: 'pdf', language: 'en' }, page);
      assert.equal(response.statusCode, 400);
      assert.match(response.body, message);
      assert.match(response.body, new RegExp(`name="periodStart"[^>]*value="${typed}"`));
      assert.match(response.body, /value="pdf"[^>]*checked|checked[^>]*value="pdf"/, 'the format is kept');
    }
    assert.equal(await letterCount(), before, 'nothing kept');
  });

  it('makes the same letter in another format later, saying what it said when it was drafted', async () => {
    const [warmte = 0] = actionIds;
    await setStatus(warmte, 'Datagedreven warmtetransitie', 'done', '2');
    const response = await editor.post(`${page}/${secondLetter}`, { format: 'pdf' }, page);
    assert.equal(response.statusCode, 303);
    const fileId = /\?made=(\d+)$/.exec(String(response.headers.location))?.[1];
    const pdf = await readPdf((await editor.get(`/o/GM0599/documents/${fileId}`)).rawPayload);
    const text = pdf.pages.join(' ').replace(/\s+/g, ' ');
    assert.match(text, /van gepland naar in uitvoering/);
    assert.doesNotMatch(text, /Datagedreven warmtetransitie \(afgerond/, 'the later completion is not in it');
    const shown = (await editor.get(`${page}/${secondLetter}`)).body;
    assert.match(shown, /Downloaden: Word \(DOCX\), versie 1/);
    assert.match(shown, /Downloaden: PDF, versie 2/);
    assert.equal(await letterCount(), 2, 'another format is not another letter');
  });

  it('lets viewers read and download the letters, not draft them', async () => {
    const shown = squash((await viewer.get(page)).body);
    assert.match(shown, /Alleen bewerkers en beheerders van uw organisatie kunnen een brief opstellen/);
    assert.doesNotMatch(shown, /name="periodStart"/);
    assert.equal((await viewer.get(`${page}/${firstLetter}`)).statusCode, 200);
    assert.equal((await viewer.get(`/o/GM0599/documents/${secondFile}`)).statusCode, 200);
    const refused = await viewer.post(page, { periodStart: '2026-01-01', format: 'docx', language: 'nl' });
    assert.equal(refused.statusCode, 403);
    assert.equal((await viewer.post(`${page}/${firstLetter}`, { format: 'pdf' })).statusCode, 403);
  });

  it('lets an administrator draft too', async () => {
    const { client: admin } = await signedInAs(t, 'GM0599', 'admin');
    const made = await draft({ periodStart: isoDayInAmsterdam(daysAgo(10)) }, admin);
    assert.ok(made.letterId > secondLetter);
  });

  it("keeps one organisation's letters from another", async () => {
    const { client: delft } = await signedInAs(t, 'GM0503', 'admin');
    assert.equal((await delft.get(page)).statusCode, 403);
    assert.equal((await delft.get(`${page}/${firstLetter}`)).statusCode, 403);
    assert.equal((await delft.get(`/o/GM0503/documents/council-letters/${firstLetter}`)).statusCode, 404);
    assert.equal((await delft.get(`/o/GM0503/documents/${secondFile}`)).statusCode, 404);
    const posted = await delft.post(`/o/GM0503/documents/council-letters/${firstLetter}`, { format: 'pdf' });
    assert.equal(posted.statusCode, 404);
  });

  it('is reached from the strategy page and listed among the documents', async () => {
    const strategyPage = await viewer.get('/o/GM0599/strategy');
    assert.match(
      strategyPage.body,
      /href="\/o\/GM0599\/documents\/council-letters"[^>]*>\s*Raadsinformatiebrief/,
    );
    const documents = (await viewer.get('/o/GM0599/documents')).body;
    assert.ok(documents.includes(`href="${page}/${secondLetter}"`), 'the letter’s file links to its letter');
  });
});
