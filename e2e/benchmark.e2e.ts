import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  checkA11y,
  demoPassword,
  hasVisibleFocus,
  pressAndLoad,
  signIn,
  startDemoJourney,
  type Journey,
} from './harness.ts';

/**
 * Rotterdam's administrator compares the 2025 baseline with peer groups, with the keyboard: a
 * group with too few contributors is withheld (its size class: only Den Haag is as large), a shown
 * group gives quartiles, and the learn-from list leads to a named organisation that is ahead.
 */
let journey: Journey;
let page: Page;

before(async () => {
  journey = await startDemoJourney();
  page = await journey.newPage();
  await page.goto('/login');
  await signIn(page, 'noor.bakker@rotterdam.example', demoPassword);
});

after(async () => {
  await journey?.close();
});

test('the benchmark opens on a shown group with the own score beside the quartiles', async () => {
  await page.goto('/o/GM0599/benchmark');
  await checkA11y(page, 'the benchmark page');
  assert.equal(await page.locator('h1').innerText(), 'Vergelijken met andere organisaties');
  assert.ok(await page.locator('svg[role="img"]').count(), 'a chart');
  assert.ok(await page.getByRole('table').count(), 'with tables beside it');
  assert.match(await page.locator('main').innerText(), /Mediaan|mediaan/);
});

test('choosing a group with too few contributors says so; the form is sent with Enter', async () => {
  await page.getByLabel('Vergelijk met').focus();
  assert.ok(await hasVisibleFocus(page), 'the group choice shows focus');
  await page.getByLabel('Vergelijk met').selectOption('size:8');
  await page.getByRole('button', { name: 'Vergelijking tonen' }).focus();
  await pressAndLoad(page, 'Enter');
  assert.match(page.url(), /group=size%3A8/);
  assert.match(await page.locator('main').innerText(), /zouden kunnen onthullen|Te weinig deelnemers/);
  await checkA11y(page, 'the benchmark page with a withheld group');
});

test('the learn-from list leads to an organisation that is ahead, by name', async () => {
  await page.goto('/o/GM0599/benchmark');
  const contact = page.getByRole('link', { name: /Neem contact op/ }).first();
  assert.ok(await contact.count(), 'at least one named organisation is ahead');
  await contact.click();
  await page.waitForURL(/\/organisations\/GM\d{4}$/);
  assert.ok((await page.locator('h1').innerText()).length > 0);
  await checkA11y(page, 'the profile of an organisation to learn from');
});
