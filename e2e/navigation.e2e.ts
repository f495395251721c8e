import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createUser } from '../src/testing/factories.ts';
import { checkReflow, focused, signIn, startJourney, untilLoaded, type Journey } from './harness.ts';

/**
 * Finding one's way: on a phone the main navigation folds behind a menu button that works by
 * keyboard; every page of an organisation shows its sections with the current one marked.
 */
let journey: Journey;
let email: string;

before(async () => {
  journey = await startJourney();
  email = (await createUser(journey.db, { name: 'Noor Bakker', memberOf: { GM0599: 'admin' } })).email;
});

after(async () => {
  await journey?.close();
});

test('on a phone the main navigation folds behind a menu button that works by keyboard', async () => {
  const page = await journey.newPage({ viewport: { width: 320, height: 640 } });
  await page.goto('/login');
  await signIn(page, email);
  await page.goto('/o/GM0599');
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
  await checkReflow(page, 'the dashboard with the menu');
});

test('every page of an organisation shows its sections with the current one marked', async () => {
  const page = await journey.newPage();
  await page.goto('/login');
  await signIn(page, email);
  await page.goto('/o/GM0599/scans');
  const sections = page.getByRole('navigation', { name: 'Onderdelen van Rotterdam' });
  const current = async () => sections.locator('[aria-current]').allTextContents();
  assert.deepEqual(await current(), ['Zelfscan']);
  await untilLoaded(page, () => sections.getByRole('link', { name: 'Roadmap' }).click());
  assert.equal(new URL(page.url()).pathname, '/o/GM0599/strategy/roadmap');
  assert.deepEqual(await current(), ['Roadmap'], 'the roadmap, not the strategy, is current');
  assert.equal(await sections.locator('[aria-current="page"]').count(), 1);
  await page.goto('/o/GM0599/registers/contracts');
  assert.deepEqual(await current(), ['Registers']);
  assert.equal(await sections.locator('[aria-current="true"]').count(), 1, 'a page inside a section');
});
