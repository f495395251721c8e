import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemo } from '../src/cli/seed-demo.ts';
import { checkReflow, focused, signIn, startJourney, sweepPages, type Journey } from './harness.ts';

/**
 * An organisation's sections on the demo data: each page passes axe and reflows (no sideways
 * scrolling at 1280 and 320 px); the section navigation marks where one is; on a phone the main
 * navigation folds behind a menu button.
 */
let journey: Journey;
const demoPassword = 'de maasbruggen bij zonsondergang';

before(async () => {
  journey = await startJourney();
  await seedDemo(journey.db, demoPassword);
});

after(async () => {
  await journey?.close();
});

async function signedIn(viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await journey.newPage({ viewport });
  await page.goto('/login');
  await signIn(page, 'noor.bakker@rotterdam.example', demoPassword);
  return page;
}

test('the strategy, roadmap and documents pages pass axe and reflow', async () => {
  const page = await signedIn();
  const paths = ['/o/GM0599/strategy', '/o/GM0599/strategy/roadmap', '/o/GM0599/strategy/versions'];
  await sweepPages(page, [...paths, '/o/GM0599/documents'], 'Rotterdam administrator');
});

test('the registers pass axe and reflow', async () => {
  const page = await signedIn();
  const registers = ['data-sources', 'contracts', 'assessments', 'partnerships'];
  await sweepPages(
    page,
    ['/o/GM0599/registers', ...registers.map((r) => `/o/GM0599/registers/${r}`)],
    'Rotterdam administrator',
  );
});

test("the organisation's knowledge pages pass axe and reflow", async () => {
  const page = await signedIn();
  await sweepPages(
    page,
    ['/o/GM0599/practices', '/o/GM0599/projects', '/o/GM0599/opportunities', '/o/GM0599/brigade'],
    'Rotterdam administrator',
  );
});

test('on a phone the main navigation folds behind a menu button that works by keyboard', async () => {
  const page = await journey.newPage({ viewport: { width: 320, height: 640 } });
  await page.goto('/login');
  await signIn(page, 'noor.bakker@rotterdam.example', demoPassword);
  await page.goto('/o/GM0599/strategy');
  const menu = page.getByRole('button', { name: 'Menu' });
  const navigation = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal(await navigation.getByRole('link', { name: 'Kennis delen' }).isVisible(), false);
  await menu.focus();
  await page.keyboard.press('Enter');
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, 'Home', 'Tab moves from the menu button into the menu');
  await page.keyboard.press('Escape');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  assert.equal((await focused(page)).text, 'Menu', 'Escape closes the menu and returns to its button');
  await checkReflow(page, 'the strategy page with the menu');
});

test('every page of an organisation shows its sections with the current one marked', async () => {
  const page = await journey.newPage();
  await page.goto('/login');
  await signIn(page, 'noor.bakker@rotterdam.example', demoPassword);
  await page.goto('/o/GM0599/scans');
  const sections = page.getByRole('navigation', { name: 'Onderdelen van Rotterdam' });
  const current = async () => sections.locator('[aria-current]').allTextContents();
  assert.deepEqual(await current(), ['Zelfscan']);
  await sections.getByRole('link', { name: 'Roadmap' }).click();
  assert.equal(new URL(page.url()).pathname, '/o/GM0599/strategy/roadmap');
  assert.deepEqual(await current(), ['Roadmap'], 'the roadmap, not the strategy, is current');
  assert.equal(await sections.locator('[aria-current="page"]').count(), 1);
  await page.goto('/o/GM0599/registers/contracts');
  assert.deepEqual(await current(), ['Registers']);
  assert.equal(await sections.locator('[aria-current="true"]').count(), 1, 'a page inside a section');
});
