import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  checkA11y,
  focused,
  hasVisibleFocus,
  pressAndLoad,
  startJourney,
  tabTo,
  textOf,
  type Journey,
} from './harness.ts';
import { codeAt } from '../src/testing/second-factor.ts';

/**
 * The operator opens the one-time setup link of a new installation and creates the platform
 * administrator, with the keyboard alone.
 */
let journey: Journey;
let page: Page;
let setupLink: string;
const name = 'Fatima el Amrani';
const email = 'f.elamrani@zuid-holland.example';
const password = 'zeven blauwe fietsen langs de Maas';

before(async () => {
  journey = await startJourney();
  page = await journey.newPage();
  setupLink = await journey.setupLink();
});

after(async () => {
  await journey?.close();
});

test('the skip link is the first Tab stop, becomes visible and moves focus to the main content', async () => {
  await page.goto(setupLink);
  await checkA11y(page, 'the setup form');
  const skipLink = page.locator('a.utrecht-skip-link');
  const hidden = await skipLink.boundingBox();
  assert.ok(
    hidden && hidden.y + hidden.height <= 0,
    `before focus the skip link is off screen: ${JSON.stringify(hidden)}`,
  );
  await page.keyboard.press('Tab');
  const first = await focused(page);
  assert.equal(first.href, '#main');
  assert.equal(first.text, 'Ga direct naar de inhoud');
  const shown = await skipLink.boundingBox();
  assert.ok(
    shown && shown.y >= 0 && shown.height >= 24 && shown.width >= 24,
    `the focused skip link is on screen: ${JSON.stringify(shown)}`,
  );
  assert.ok(await hasVisibleFocus(page), 'the skip link shows a focus indicator');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'main');
});

test('a too-short password gets a Dutch message next to the field and keeps the typed name and e-mail', async () => {
  const field = await tabTo(page, 'the name field', (f) => f.id === 'field-name');
  assert.equal(field.tag, 'input');
  assert.ok(await hasVisibleFocus(page), 'the name field shows a focus indicator');
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'field-email');
  assert.ok(await hasVisibleFocus(page), 'the e-mail field shows a focus indicator');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'field-password');
  await page.keyboard.type('kort');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'field-confirmation');
  await page.keyboard.type('kort');
  await pressAndLoad(page, 'Enter');

  assert.equal(
    await textOf(page, '#field-password-error'),
    'Fout: Het wachtwoord moet minstens 12 tekens hebben.',
  );
  assert.equal(await page.locator('#field-password').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#field-name').inputValue(), name);
  assert.equal(await page.locator('#field-email').inputValue(), email);
  assert.equal(await page.locator('#field-password').inputValue(), '', 'a password is never sent back');
  assert.equal((await focused(page)).id, 'error-summary', 'focus moves to the error summary');
  await checkA11y(page, 'the setup form with an error');
});

test('a good password creates the administrator, who lands on the administration page with a notice', async () => {
  await tabTo(page, 'the password field', (f) => f.id === 'field-password');
  assert.ok(await hasVisibleFocus(page), 'the password field shows a focus indicator');
  await page.keyboard.type(password);
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'field-confirmation');
  await page.keyboard.type(password);
  await pressAndLoad(page, 'Enter');

  // A platform administrator links an authenticator app before the first session.
  assert.equal(new URL(page.url()).pathname, '/sign-in/second-factor');
  assert.equal(await page.locator('h1').innerText(), 'Tweestapsverificatie instellen');
  assert.equal(await page.locator('.rk-qr svg').count(), 1, 'the QR code is drawn on the server');
  await checkA11y(page, 'the enrolment of the second factor');
  const secret = await page.locator('[data-secret]').getAttribute('data-secret');
  assert.ok(secret);
  await tabTo(page, 'the code field', (f) => f.id === 'field-code');
  await page.keyboard.type(await codeAt(secret));
  await pressAndLoad(page, 'Enter');
  assert.equal(await page.locator('h1').innerText(), 'Uw herstelcodes');
  assert.equal(await page.locator('.rk-recovery-codes li').count(), 10);
  await checkA11y(page, 'the recovery codes');
  await tabTo(page, 'the continue link', (f) => f.text === 'Verder');
  await pressAndLoad(page, 'Enter');
  assert.equal(new URL(page.url()).pathname, '/admin');

  assert.equal(await page.locator('h1').innerText(), 'Beheer');
  const notice = page.locator('.utrecht-alert--ok');
  assert.match(
    await notice.innerText(),
    /Het account van de platformbeheerder is aangemaakt en u bent ingelogd/,
  );
  assert.match(await page.locator('.rk-user').innerText(), new RegExp(`Ingelogd als ${name}`));
  await checkA11y(page, 'the administration page');
});

test('the used setup link no longer works when opened again', async () => {
  await page.goto(setupLink);
  assert.equal(await page.locator('h1').innerText(), 'Deze link werkt niet meer');
  assert.equal(await page.locator('form[action^="/setup/"]').count(), 0, 'no setup form is offered');
  await checkA11y(page, 'the used setup link');
});
