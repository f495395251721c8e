import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { readDocx } from '../src/features/documents/document-reading.fixtures.ts';
import { checkA11y, demoPassword, signIn, startDemoJourney, untilLoaded, type Journey } from './harness.ts';

/**
 * Den Haag's administrator works on a draft strategy: starts from the suggestions of the submitted
 * self-scan, adds one (pre-filled, adapted before saving), edits it and sees the change in its
 * history, drafts a council letter on the progress that lists it (after a refused period start), adds
 * an action that serves no societal task and sees the warning. Axe on every page.
 */
let journey: Journey;
let page: Page;
let actionUrl = '';

before(async () => {
  journey = await startDemoJourney();
  page = await journey.newPage();
  await page.goto('/login');
  await signIn(page, 'eva.jansen@denhaag.example', demoPassword);
});

after(async () => {
  await journey?.close();
});

const main = async () => (await page.locator('main').innerText()).replace(/\s+/g, ' ');

test('the strategy page shows the draft with the guide’s warnings', async () => {
  await page.goto('/o/GM0518');
  await untilLoaded(page, () => page.getByRole('link', { name: 'Naar de strategie' }).click());
  assert.equal(await page.locator('h1').innerText(), 'Concept digitaliseringsstrategie Den Haag');
  assert.match(await main(), /Technology push/);
  assert.match(await main(), /heeft nog geen acties/);
  await checkA11y(page, 'the strategy page');
});

test('a suggestion from the scan becomes an action, adapted before saving', async () => {
  await untilLoaded(page, () => page.getByRole('link', { name: 'Suggesties uit de zelfscan' }).click());
  await checkA11y(page, 'the suggestions page');
  const add = page.getByRole('link', { name: /Toevoegen aan de strategie/ }).first();
  assert.ok(await add.count(), 'the scan gives at least one suggestion');
  await untilLoaded(page, () => add.click());
  assert.match(await main(), /Voorgesteld door het raamwerk/);
  await checkA11y(page, 'the pre-filled action form');
  const title = page.getByLabel('Titel', { exact: true });
  assert.ok((await title.inputValue()).length > 0, 'the title is pre-filled');
  await title.fill('Aangepaste actie uit de zelfscan');
  await page.getByLabel('Afdelingen (eigenaar)').fill('Informatievoorziening');
  await untilLoaded(page, () => page.getByRole('button', { name: 'Opslaan' }).click());
  assert.equal(await page.locator('h1').innerText(), 'Aangepaste actie uit de zelfscan');
  assert.match(await main(), /De actie is opgeslagen/);
  assert.match(await main(), /Aanbevolen actie uit het raamwerk/);
  actionUrl = page.url().replace(/\?.*$/, '');
  await checkA11y(page, 'the action page');
});

test('editing the action records who changed what, before and after', async () => {
  await page.goto(`${actionUrl}/edit`);
  await checkA11y(page, 'the action edit form');
  await page.getByLabel('Status').selectOption('running');
  await page.getByLabel('Voortgang (%)').fill('30');
  await untilLoaded(page, () => page.getByRole('button', { name: 'Opslaan' }).click());
  const text = await main();
  assert.match(text, /Voortgang \(%\): 0 → 30/);
  assert.match(text, /Eva Jansen/);
});

test('a council letter on the progress lists the new action, after a refused period start', async () => {
  await page.goto('/o/GM0518/strategy');
  await untilLoaded(page, () =>
    page.getByRole('link', { name: 'Raadsinformatiebrief over de voortgang' }).click(),
  );
  assert.equal(await page.locator('h1').innerText(), 'Raadsinformatiebrief over de voortgang');
  assert.match(await main(), /Er is nog geen eerdere brief/);
  await checkA11y(page, 'the council letter page');
  const start = page.getByLabel('Begin van de periode');
  const recorded = await start.inputValue();
  assert.match(recorded, /^\d{4}-\d{2}-\d{2}$/, 'the day the strategy was recorded, by default');
  await start.fill('2999-01-01');
  await untilLoaded(page, () => page.getByRole('button', { name: 'Brief opstellen' }).click());
  assert.match(await main(), /De periode kan niet na vandaag beginnen/);
  assert.equal(await start.inputValue(), '2999-01-01', 'what was typed is kept');
  await checkA11y(page, 'the council letter form with an error');
  await start.fill(recorded);
  await page.getByLabel('Word (DOCX)').check();
  await untilLoaded(page, () => page.getByRole('button', { name: 'Brief opstellen' }).click());
  assert.match(await main(), /De brief is opgesteld/);
  await checkA11y(page, 'a council letter');
  const href = await page
    .getByRole('link', { name: /Downloaden: Word \(DOCX\), versie 1/ })
    .getAttribute('href');
  const file = await page.request.get(href ?? '');
  const docx = await readDocx(Buffer.from(await file.body()));
  assert.match(docx.document, /Aangepaste actie uit de zelfscan/);
  assert.match(docx.document, /Geachte leden van de raad,/);
});

test('an action that serves no societal task is flagged as technology push', async () => {
  await page.goto('/o/GM0518/strategy/actions/new');
  await page.getByLabel('Titel', { exact: true }).fill('Nieuwe tool aanschaffen');
  await page.getByLabel('Pijler en thema').selectOption('services-and-innovation');
  await untilLoaded(page, () => page.getByRole('button', { name: 'Opslaan' }).click());
  assert.match(await main(), /Technology push: deze actie dient geen specifieke maatschappelijke opgave/);
});

test('a wrong form keeps the input and says what is wrong, accessibly', async () => {
  await page.goto('/o/GM0518/strategy/actions/new');
  await page.getByLabel('Titel', { exact: true }).fill('Actie zonder thema');
  await page.getByLabel('Budget in euro').fill('veel');
  await untilLoaded(page, () => page.getByRole('button', { name: 'Opslaan' }).click());
  assert.match(await main(), /Kies een thema uit het raamwerk/);
  assert.match(await main(), /Budget in euro: "veel" kunnen we niet als getal lezen/);
  assert.equal(await page.getByLabel('Titel', { exact: true }).inputValue(), 'Actie zonder thema');
  await checkA11y(page, 'the action form with errors');
});

test('the other strategy pages pass axe', async () => {
  for (const path of [
    '/o/GM0518/strategy/edit',
    '/o/GM0518/strategy/import',
    '/o/GM0518/strategy/versions',
    '/o/GM0518/strategy/new-version',
  ]) {
    await page.goto(path);
    await checkA11y(page, path);
  }
  await page.goto(`${actionUrl}/delete`);
  await checkA11y(page, 'the delete confirmation');
});
