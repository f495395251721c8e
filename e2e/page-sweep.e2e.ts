import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createUser, testPassword } from '../src/testing/factories.ts';
import {
  demoPassword,
  firstLink,
  signIn,
  startDemoJourney,
  sweepPages as sweep,
  type Journey,
} from './harness.ts';

/**
 * The pages on the demo data, checked with axe and for reflow: no sideways scrolling at 1280 and at
 * 320 CSS pixels: the platform administration, an organisation's settings, scans and benchmark, and the
 * region (the public pages are in public-pages.e2e.ts).
 */
let journey: Journey;

before(async () => {
  journey = await startDemoJourney();
});

after(async () => {
  await journey?.close();
});

test('the platform administration pages pass axe', async () => {
  const admin = await createUser(journey.db, { name: 'Platform Beheer', isPlatformAdmin: true });
  const page = await journey.newPage();
  await page.goto('/login');
  await signIn(page, admin.email, testPassword);
  await sweep(
    page,
    [
      '/admin',
      '/admin/mail',
      '/admin/networks',
      '/admin/population',
      '/admin/audit',
      '/admin/audit?action=sign-in&from=2026-01-01',
      '/networks',
      '/networks/mrdh',
      '/networks/mrdh/benchmark',
      '/networks/zuid-holland',
      '/networks/zuid-holland?pillar=foundation',
    ],
    'platform admin',
  );
  await page.goto('/admin/mail');
  await sweep(page, [await firstLink(page, /^\/admin\/mail\/\d+$/)], 'platform admin');
});

test("an organisation's own pages pass axe, in Dutch and in English", async () => {
  const page = await journey.newPage();
  await page.goto('/login');
  await signIn(page, 'noor.bakker@rotterdam.example', demoPassword);
  const paths = [
    '/o/GM0599',
    '/o/GM0599/members',
    '/o/GM0599/api-tokens',
    '/o/GM0599/sharing',
    '/o/GM0599/benchmark',
    '/o/GM0599/scans',
    '/o/GM0599/scans/new',
    '/o/GM0599/audit',
    '/account/sessions',
    '/account/password',
    '/account/confirm-password?next=/o/GM0599/members',
  ];
  await sweep(page, paths, 'Rotterdam administrator');
  await page.goto('/o/GM0599/members');
  await sweep(page, [await firstLink(page, /\/members\/\d+\/remove$/)], 'Rotterdam administrator');
  await page.goto('/o/GM0599/scans');
  const scan = await firstLink(page, /^\/o\/GM0599\/scans\/\d+$/);
  await sweep(page, [scan, `${scan}/results`, `${scan}/consensus`], 'Rotterdam administrator');
  await page.goto('/language?lang=en&next=/o/GM0599/benchmark');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await sweep(
    page,
    [
      '/o/GM0599/benchmark',
      `${scan}/results`,
      '/o/GM0599/sharing',
      '/o/GM0599/audit',
      '/account/sessions',
      '/account/password',
    ],
    'in English',
  );
});
