import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createUser, testPassword } from '../src/testing/factories.ts';
import {
  checkA11y,
  focused,
  pressAndLoad,
  startJourney,
  textOf,
  untilLoaded,
  type Journey,
} from './harness.ts';

/** Signing in goes wrong: the page says what happened, in Dutch, and loses nothing that was typed. */
let journey: Journey;
let page: Page;
let email: string;

before(async () => {
  journey = await startJourney();
  email = (await createUser(journey.db, { memberOf: { GM0599: 'editor' } })).email;
  page = await journey.newPage();
});

after(async () => {
  await journey?.close();
});

test('a wrong password shows a clear Dutch message and keeps the typed e-mail address', async () => {
  await page.goto('/login');
  await checkA11y(page, 'the login page');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill('niet mijn wachtwoord');
  await untilLoaded(page, () => page.getByRole('button', { name: 'Inloggen' }).click());

  const message = page.getByRole('alert');
  assert.equal(
    await textOf(page, '.utrecht-alert--error'),
    'Deze combinatie van e-mailadres en wachtwoord kennen we niet. Controleer ze en probeer het opnieuw.',
  );
  assert.equal(await message.count(), 1);
  assert.equal(await page.getByLabel('E-mailadres').inputValue(), email);
  assert.equal(await page.getByLabel('Wachtwoord').inputValue(), '', 'a password is never sent back');
  assert.equal(new URL(page.url()).pathname, '/login');
  assert.equal(await page.locator('.rk-user').count(), 0, 'nobody is signed in');
  await checkA11y(page, 'the login page after a wrong password');
});

test('empty fields get a message each and an error summary that receives focus', async () => {
  await page.goto('/login');
  await checkA11y(page, 'the login page, opened again');
  await untilLoaded(page, () => page.getByRole('button', { name: 'Inloggen' }).click());

  assert.equal(await textOf(page, '#field-email-error'), 'Fout: Vul e-mailadres in.');
  assert.equal(await textOf(page, '#field-password-error'), 'Fout: Vul wachtwoord in.');
  for (const field of ['email', 'password']) {
    const input = page.locator(`#field-${field}`);
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    assert.match((await input.getAttribute('aria-describedby')) ?? '', new RegExp(`field-${field}-error`));
  }
  const summary = page.locator('#error-summary');
  assert.equal(await summary.getAttribute('role'), 'alert');
  assert.match(
    await textOf(page, '#error-summary'),
    /^Er zijn 2 fouten in het formulier\. Verbeter de gemarkeerde velden\./,
  );
  assert.deepEqual(await summary.getByRole('link').allInnerTexts(), [
    'Vul e-mailadres in.',
    'Vul wachtwoord in.',
  ]);
  assert.equal((await focused(page)).id, 'error-summary');
  await checkA11y(page, 'the login page with empty fields');
});

test('the links in the error summary move keyboard focus to their field', async () => {
  await page.keyboard.press('Tab');
  assert.deepEqual(await focused(page).then((f) => [f.href, f.text]), [
    '#field-email',
    'Vul e-mailadres in.',
  ]);
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'field-email');

  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page)).href, '#field-password');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'field-password');
});

test('after correcting the fields with the keyboard the person is signed in', async () => {
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page)).id, 'field-email');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'field-password');
  await page.keyboard.type(testPassword);
  await pressAndLoad(page, 'Enter');
  assert.equal(new URL(page.url()).pathname, '/o/GM0599');
  assert.match(await textOf(page, '.rk-user'), /^Ingelogd als /);
  await checkA11y(page, 'the dashboard after signing in');
});
