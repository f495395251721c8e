import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Download, Page } from 'playwright-core';
import { users } from '../src/core/auth/auth.tables.ts';
import { enrolTestSecondFactor } from '../src/testing/second-factor.ts';
import {
  checkA11y,
  checkReflow,
  demoPassword,
  signIn,
  startDemoJourney,
  textOf,
  untilLoaded,
  type Journey,
} from './harness.ts';

/**
 * A coordinator of the province on the demo data: signs in with her authenticator app, lands in the
 * workspace, takes a new Brigade question from "needs attention", returns, and downloads the region
 * report as Word and as Excel. Every page is checked with axe and for reflow at 320 px.
 */
let journey: Journey;
let page: Page;
const email = 'anouk.vermeulen@pzh.example';
const thisYear = String(new Date().getFullYear());
let handled = '';

before(async () => {
  journey = await startDemoJourney();
  const [anouk] = await journey.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  assert.ok(anouk, 'the demo data has the province coordinator');
  // Coordinators must use a second factor; as if she had enrolled her authenticator app earlier.
  await enrolTestSecondFactor(journey.db, anouk.id);
  page = await journey.newPage();
});

after(async () => {
  await journey?.close();
});

async function checkPage(label: string): Promise<void> {
  await checkA11y(page, label);
  await checkReflow(page, label);
}

test('the province coordinator signs in with her second factor and lands in the workspace', async () => {
  await page.goto('/login');
  await checkPage('the sign-in page');
  await signIn(page, email, demoPassword);
  assert.equal(new URL(page.url()).pathname, '/networks/zuid-holland');
  assert.match(await textOf(page, 'h1'), /^Werkplek /);
  await checkPage('the workspace');
});

test('she opens a new Brigade question from "needs attention" and takes it on', async () => {
  const attention = page.locator('section[aria-labelledby="attention-heading"]');
  const question = attention.getByRole('link', { name: /^Vraag \d+ van / }).first();
  handled = /^Vraag (\d+)/.exec(await question.innerText())?.[1] ?? '';
  assert.ok(handled, 'a new question waits in the demo data');
  await untilLoaded(page, () => question.click());
  assert.equal(new URL(page.url()).pathname, `/networks/zuid-holland/brigade/${handled}`);
  await checkPage('the new question');

  await page.getByLabel('Behandelaar', { exact: true }).selectOption({ label: 'Anouk Vermeulen' });
  await untilLoaded(page, () => page.getByRole('button', { name: 'Behandelaar opslaan' }).click());
  await untilLoaded(page, () => page.getByRole('button', { name: 'Naar "Intake"' }).click());
  const facts = await textOf(page, 'main dl');
  assert.match(facts, /Status Intake/, 'the question is in intake');
  const assignee = page.getByLabel('Behandelaar', { exact: true }).locator('option:checked');
  assert.equal((await assignee.innerText()).trim(), 'Anouk Vermeulen', 'with her as its handler');
  assert.equal(await page.getByRole('button', { name: 'Naar "Opdrachtbeschrijving"' }).count(), 1);
  await checkPage('the question in intake');
});

test('back in the workspace the question no longer needs attention', async () => {
  const crumbs = page.locator('.rk-breadcrumbs');
  await untilLoaded(page, () => crumbs.getByRole('link', { name: 'Regio', exact: true }).click());
  assert.equal(new URL(page.url()).pathname, '/networks/zuid-holland');
  const attention = page.locator('section[aria-labelledby="attention-heading"]');
  assert.equal(await attention.getByRole('link', { name: new RegExp(`^Vraag ${handled} van`) }).count(), 0);
  await checkPage('the workspace after handling');
});

async function download(format: string): Promise<{ name: string; bytes: Buffer }> {
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: `Download als ${format}` }).click();
  const file: Download = await started;
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

test('a period that ends before it starts is refused in Dutch with the choices kept', async () => {
  const report = page.locator('section[aria-labelledby="report-heading"]');
  await report.getByLabel('Van', { exact: true }).selectOption(thisYear);
  await report.getByLabel('Tot en met').selectOption(String(Number(thisYear) - 1));
  await untilLoaded(page, () => page.getByRole('button', { name: 'Download als Word (DOCX)' }).click());
  assert.equal(new URL(page.url()).pathname, '/networks/zuid-holland/report');
  assert.match(await textOf(page, '#error-summary'), /Het einde van de periode ligt vóór het begin/);
  assert.equal(await page.getByLabel('Van', { exact: true }).inputValue(), thisYear);
  assert.equal(await page.getByLabel('Tot en met').inputValue(), String(Number(thisYear) - 1));
  await checkPage('the region report form with an error');
  await page.goto('/networks/zuid-holland/report');
  await checkPage('the region report form');
  await page.goto('/networks/zuid-holland');
});

test('she downloads the region report of this year as Word and its figures as Excel', async () => {
  const docx = await download('Word (DOCX)');
  assert.equal(docx.name, `regiorapportage-zuid-holland-${thisYear}.docx`);
  const zip = await JSZip.loadAsync(docx.bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const text = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  assert.match(text, /Regiorapportage /);
  for (const heading of ['Samenvatting', 'Deelname', 'Volwassenheid', 'Vraag naar de Connectiviteit Brigade'])
    assert.ok(text.includes(heading), `the document has the heading ${heading}`);

  const xlsx = await download('Excel (XLSX)');
  assert.equal(xlsx.name, `regiorapportage-zuid-holland-${thisYear}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const days = workbook.getWorksheet('Brigade dagen');
  assert.ok(days, 'the workbook has a sheet of the Brigade days');
  assert.equal(days.getRow(1).getCell(1).value, 'Vraag');
  const ids = days.getColumn(1).values.slice(2).map(Number);
  assert.ok(ids.includes(Number(handled)), 'the question she took on is in this year’s figures');
  assert.ok(workbook.getWorksheet('Deelname'), 'and a sheet of the participation');
});
