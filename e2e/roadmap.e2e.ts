import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { setSharing } from '../src/features/benchmark/benchmark.fixtures.ts';
import { pngSize, PRINT_WIDTH_PX } from '../src/features/roadmap/roadmap-png.ts';
import { createStrategyForTest } from '../src/features/strategy/strategy-builders.fixtures.ts';
import { createUser, organisationId } from '../src/testing/factories.ts';
import { checkA11y, signIn, startJourney, untilLoaded, type Journey } from './harness.ts';

/**
 * An editor of Rotterdam opens the roadmap of the strategy, downloads it as PNG for the board, shares
 * it by a public link that a resident opens without signing in, and revokes the link again. A network
 * coordinator sees the regional roadmap.
 */
let journey: Journey;
let page: Page;
let publicLink = '';

before(async () => {
  journey = await startJourney();
  const rotterdam = await organisationId(journey.db, 'GM0599');
  await createStrategyForTest(journey.db, rotterdam, { actions: 14, withTechnologyPush: true });
  await setSharing(journey.db, 'GM0599', 'named');
  const editor = await createUser(journey.db, { memberOf: { GM0599: 'editor' }, coordinates: ['mrdh'] });
  page = await journey.newPage();
  await page.goto('/o/GM0599/strategy/roadmap');
  await signIn(page, editor.email);
});

after(async () => {
  await journey?.close();
});

test('the roadmap page shows the infographic, its text version and now / next / later', async () => {
  assert.equal(await page.locator('h1').innerText(), 'Digitale routekaart');
  assert.equal(await page.locator('svg.rk-roadmap[role="img"] g.rk-roadmap-action').count(), 14);
  assert.ok(await page.getByRole('heading', { name: 'Tekstversie van de routekaart' }).count());
  assert.ok(await page.getByRole('heading', { name: /^Nu \(\d+\)$/ }).count());
  await checkA11y(page, 'the roadmap page');
});

test('the PNG download is a valid PNG at A3 print width with the infographic’s proportions', async () => {
  const svgHeight = Number(await page.locator('svg.rk-roadmap').getAttribute('height'));
  const svgWidth = Number(await page.locator('svg.rk-roadmap').getAttribute('width'));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /Routekaart als PNG/ }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'routekaart-GM0599.png');
  const bytes = await fs.readFile(await download.path());
  const size = pngSize(bytes);
  assert.ok(size, 'a PNG signature and header');
  assert.equal(size.width, PRINT_WIDTH_PX);
  assert.equal(size.height, Math.round((svgHeight * PRINT_WIDTH_PX) / svgWidth));
});

test('an editor creates a public link and sees the embed code', async () => {
  await untilLoaded(page, () => page.getByRole('link', { name: 'Openbare links beheren' }).click());
  await checkA11y(page, 'the public links page');
  await page.getByLabel('Omschrijving').fill('Website gemeente');
  await untilLoaded(page, () => page.getByRole('button', { name: 'Link maken' }).click());
  assert.match(await page.locator('main').innerText(), /De link “Website gemeente” is gemaakt/);
  publicLink = (await page.locator('a.rk-roadmap-public-link').first().getAttribute('href')) ?? '';
  assert.match(publicLink, /\/roadmap\/[A-Za-z0-9_-]{43}$/);
  assert.match(await page.getByLabel(/Insluitcode/).inputValue(), /^<iframe src="[^"]+\/embed"/);
  await checkA11y(page, 'the public links page with a link');
});

test('someone signed out opens the public link and its embed', async () => {
  const resident = await journey.newPage();
  await resident.goto(publicLink);
  assert.equal(await resident.locator('h1').innerText(), 'Digitale routekaart van Rotterdam');
  assert.ok(await resident.locator('svg.rk-roadmap').count());
  assert.ok(await resident.getByRole('link', { name: 'Inloggen' }).count(), 'not signed in');
  await checkA11y(resident, 'the public roadmap');
  await resident.goto(`${publicLink}/embed`);
  assert.ok(await resident.locator('svg.rk-roadmap').count());
  await checkA11y(resident, 'the embedded roadmap');
});

test('the editor revokes the link after confirming, and the public page is gone', async () => {
  await untilLoaded(page, () =>
    page.getByRole('link', { name: 'Link “Website gemeente” intrekken' }).click(),
  );
  await checkA11y(page, 'the revoke confirmation');
  await untilLoaded(page, () => page.getByRole('button', { name: 'Ja, link intrekken' }).click());
  assert.match(await page.locator('main').innerText(), /is ingetrokken/);
  const resident = await journey.newPage();
  const response = await resident.goto(publicLink);
  assert.equal(response?.status(), 404);
  assert.match(await resident.locator('main').innerText(), /bestaat niet of is ingetrokken/);
  await checkA11y(resident, 'a revoked link');
});

test('a network coordinator sees the regional roadmap of members sharing by name', async () => {
  await page.goto('/networks/mrdh/roadmap');
  assert.equal(await page.locator('svg.rk-roadmap g.rk-roadmap-action').count(), 14);
  await checkA11y(page, 'the regional roadmap');
});

test('the roadmap page in English, and the empty state of an organisation without a strategy', async () => {
  await page.goto('/language?lang=en&next=%2Fo%2FGM0599%2Fstrategy%2Froadmap');
  assert.equal(await page.locator('h1').innerText(), 'Digital roadmap');
  assert.ok(await page.getByRole('heading', { name: 'Text version of the roadmap' }).count());
  await checkA11y(page, 'the roadmap page in English');
  const delft = await createUser(journey.db, { memberOf: { GM0503: 'viewer' } });
  const other = await journey.newPage();
  await other.goto('/o/GM0503/strategy/roadmap');
  await signIn(other, delft.email);
  assert.match(await other.locator('main').innerText(), /heeft nog geen digitaliseringsstrategie/);
  await checkA11y(other, 'the roadmap page without a strategy');
});
