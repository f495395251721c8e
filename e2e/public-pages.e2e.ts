import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { checkA11y, checkReflow, startJourney, sweepPages as sweep, type Journey } from './harness.ts';

/**
 * The public pages, signed out, pass axe and reflow (no sideways scrolling at 1280 and 320 px). They
 * need no demo data, so this file stays fast and apart from page-sweep.e2e.ts.
 */
let journey: Journey;

before(async () => {
  journey = await startJourney();
});

after(async () => {
  await journey?.close();
});

test('the public pages pass axe and reflow', async () => {
  const page = await journey.newPage();
  await sweep(
    page,
    [
      '/',
      '/login',
      '/open-data',
      '/organisations',
      '/organisations?page=2',
      '/organisations/GM0518',
      '/forgot-password',
      '/accessibility',
      '/privacy',
      '/handreiking',
      '/handreiking/route',
      '/brigade',
      '/knowledge',
      '/knowledge/sessions',
      '/knowledge/projects',
      '/knowledge/map',
    ],
    'visitor',
  );
  const gone = await page.goto('/reset-password/not-a-real-link');
  assert.equal(gone?.status(), 410);
  await checkA11y(page, 'visitor: a dead reset link');
  const badAddress = await page.goto('/organisations?q=%00');
  assert.equal(badAddress?.status(), 400);
  await checkA11y(page, 'visitor: a control character in the address');
  // A pasted control character in a form: refused with the field named and the typed text shown back.
  await page.goto('/forgot-password');
  await page.locator('input[name="email"]').evaluate((input: HTMLInputElement) => {
    input.value = 'jan.jansen@gemeente.nl\u0000';
  });
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/forgot-password') && r.request().method() === 'POST'),
    page.locator('form[action="/forgot-password"] button[type="submit"]').click(),
  ]);
  assert.equal(refused.status(), 422);
  await page.waitForLoadState();
  assert.match(await page.locator('textarea[readonly]').inputValue(), /jan\.jansen@gemeente\.nl/);
  await checkA11y(page, 'visitor: a form refused for a control character');
  await checkReflow(page, 'visitor: a form refused for a control character');
});
