import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createUser } from '../src/testing/factories.ts';
import { checkA11y, signIn, startJourney, untilLoaded, type Journey } from './harness.ts';

/**
 * Zoetermeer's editor fills each of the four registers through its forms (and one by import), sees
 * the exit-readiness formula and the expiry timeline, and then finds the facts beside the scan's
 * questions on data ownership, ethics and coalitions. Axe checks every page on the way.
 */
let journey: Journey;
let page: Page;
let editorId: number;
const base = '/o/GM0637/registers';
const inMonths = (months: number) => {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
};

before(async () => {
  journey = await startJourney();
  const editor = await createUser(journey.db, { name: 'Evi de Wit', memberOf: { GM0637: 'editor' } });
  editorId = editor.id;
  page = await journey.newPage();
  await page.goto('/login');
  await signIn(page, editor.email);
});

after(async () => {
  await journey?.close();
});

async function save(): Promise<void> {
  await untilLoaded(page, () => page.getByRole('button', { name: 'Opslaan' }).click());
}

test('the registers start empty and say so', async () => {
  await page.goto(base);
  await checkA11y(page, 'the registers overview');
  assert.match(await page.locator('h1').innerText(), /Registers van Zoetermeer/);
  await page.goto(`${base}/contracts`);
  assert.match(await page.locator('main').innerText(), /Dit register is nog leeg/);
  await checkA11y(page, 'an empty register');
});

test('an editor adds a contract, sees an error without losing input, and reads the exit-readiness formula', async () => {
  await page.goto(`${base}/contracts/new`);
  await checkA11y(page, 'the new-contract form');
  await page.getByLabel('Contract (onderwerp)').fill('Sensoren stadshart');
  await page.getByLabel('Leverancier', { exact: true }).fill('Meetwerk BV');
  await page.getByLabel('Soort onderwerp').selectOption('sensors-iot');
  // The end date is left empty (a date input holds only real dates) and the notice period is in part months.
  await page.getByLabel('Opzegtermijn (maanden)').fill('2.5');
  await page.getByLabel('Eigenaar van de data').selectOption('municipality');
  await page.getByLabel('Hostinglocatie').selectOption('nl');
  await page.getByLabel('Exitclausule').check();
  await save();
  const summary = await page.locator('.utrecht-alert--error, #error-summary').first().innerText();
  assert.match(summary, /einddatum/i);
  assert.match(summary, /heel getal/);
  assert.equal(await page.getByLabel('Leverancier', { exact: true }).inputValue(), 'Meetwerk BV');
  assert.equal(await page.getByLabel('Opzegtermijn (maanden)').inputValue(), '2.5');
  await checkA11y(page, 'the contract form with an error');
  await page.getByLabel('Einddatum').fill(inMonths(10));
  await page.getByLabel('Opzegtermijn (maanden)').fill('3');
  await save();
  assert.match(await page.locator('h1').innerText(), /Sensoren stadshart/);
  assert.match(await page.locator('main').innerText(), /Exitgereedheid: 55 van 100/);
  await checkA11y(page, 'a contract with its score table');
});

test('a second contract arrives by CSV import, and both show on the expiry timeline', async () => {
  await page.goto(`${base}/contracts/import`);
  await checkA11y(page, 'the import form');
  const csv = `name,supplier,subject_category,end_date,data_owner,hosting,exit_clause\r\nZaaksysteem,Zaakwerk BV,case-management,${inMonths(15)},supplier,eu,nee\r\n`;
  await page
    .getByLabel('Bestand (CSV of XLSX)')
    .setInputFiles({ name: 'contracten.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await untilLoaded(page, () => page.getByRole('button', { name: 'Importeren' }).click());
  assert.match(await page.locator('main').innerText(), /Import geslaagd: 1 toegevoegd, 0 bijgewerkt/);
  await checkA11y(page, 'the contract list after an import');
  await page.goto(`${base}/contracts/expiry`);
  assert.equal(await page.locator('svg[role="img"] title').count(), 1);
  assert.equal(await page.locator('table tbody tr').count(), 2);
  await checkA11y(page, 'the contract-expiry timeline');
});

test('an editor adds a data source, an impact assessment and a partnership', async () => {
  await page.goto(`${base}/data-sources/new`);
  await page.getByLabel('Naam van de bron').fill('Fietstellingen');
  await page.getByLabel('Soort bron').selectOption('dataset');
  await page.getByLabel('Eigenaar', { exact: true }).selectOption('municipality');
  await page.getByLabel('Openheid').selectOption('open');
  await page.getByLabel('Status').selectOption('active');
  await page.getByLabel('Vindplaats (URL)').fill('https://data.zoetermeer.example/fiets');
  await page.getByLabel('Licentie').selectOption('cc0');
  await page.getByLabel('E-mailadres voor vragen').fill('opendata@zoetermeer.example');
  await page.getByLabel('Valt onder contract').selectOption('Sensoren stadshart');
  await checkA11y(page, 'the data-source form');
  await save();
  assert.match(await page.locator('h1').innerText(), /Fietstellingen/);

  await page.goto(`${base}/assessments/new`);
  await page.getByLabel('Toepassing of datagebruik').fill('Cameratoezicht stadshart');
  await page.getByLabel('Verwerkt persoonsgegevens').check();
  await page.getByLabel('Vereiste toets').selectOption('dpia');
  await page.getByLabel('Status').selectOption('done');
  await page.getByLabel('Datum afgerond').fill('2025-10-01');
  await page.getByLabel('Privacy', { exact: true }).check();
  await page.getByLabel('Toelichting bij Privacy').fill('Beelden worden na 28 dagen gewist.');
  await checkA11y(page, 'the assessment form with the VNG principles');
  await save();
  assert.match(await page.locator('main').innerText(), /Beelden worden na 28 dagen gewist/);
  await checkA11y(page, 'an assessment with its VNG principles');

  await page.goto(`${base}/partnerships/new`);
  await page.getByLabel('Naam van het samenwerkingsverband').fill('Slim Zoetermeer');
  await page
    .getByLabel('Partners')
    .fill(
      'Gemeente Zoetermeer; overheid\nHaagse Hogeschool; kennisinstelling\nNetbeheerder; bedrijf\nWijkraad; inwoners',
    );
  await page.getByLabel('Vorm').selectOption('consortium');
  await save();
  assert.match(await page.locator('main').innerText(), /Haagse Hogeschool \(kennisinstelling\)/);
  await checkA11y(page, 'a partnership');
});

test('the scan shows the register facts beside the questions of the themes they back', async () => {
  await page.goto('/o/GM0637/scans/new');
  await page.getByLabel('Titel').fill('Nulmeting registers');
  await page.locator(`input[name="respondents"][value="${editorId}"]`).check();
  await untilLoaded(page, () => page.getByRole('button', { name: 'Scan starten' }).click());
  const scanPath = new URL(page.url()).pathname;
  const expectations: [string, RegExp][] = [
    ['data-ownership', /1 van 2 contracten hebben een exitclausule/],
    ['ethics', /DPIA of PIA afgerond voor 1 van 1 toepassingen die persoonsgegevens verwerken/],
    ['coalitions', /1 van 1 samenwerkingsverbanden hebben partners uit alle vier groepen/],
  ];
  for (const [theme, fact] of expectations) {
    await page.goto(`${scanPath}/answer/${theme}`);
    const aside = page.locator('aside[aria-labelledby="register-facts"]');
    assert.match(await aside.innerText(), fact);
    await checkA11y(page, `the scan's ${theme} page with register facts`);
  }
  await page.locator('aside a').first().click();
  await page.waitForURL(/\/registers\//);
});

test('deleting asks for confirmation first', async () => {
  await page.goto(`${base}/contracts`);
  await untilLoaded(page, () => page.getByRole('link', { name: 'Zaaksysteem' }).click());
  await untilLoaded(page, () => page.getByRole('link', { name: 'Verwijderen' }).click());
  await checkA11y(page, 'the delete confirmation');
  await untilLoaded(page, () => page.getByRole('button', { name: /Zaaksysteem/ }).click());
  assert.match(await page.locator('main').innerText(), /De registratie "Zaaksysteem" is verwijderd/);
});

test('a coordinator reads the procurement opportunities of the network', async () => {
  const coordinator = await createUser(journey.db, { coordinates: ['mrdh'] });
  const other = await journey.newPage();
  await other.goto('/login');
  await signIn(other, coordinator.email);
  await other.goto('/networks/mrdh/contracts');
  assert.match(await other.locator('h1').innerText(), /Samen aanbesteden/);
  await checkA11y(other, 'the procurement opportunities of a network');
});
