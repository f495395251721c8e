import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { checkA11y, startJourney, textOf, untilLoaded, type Journey } from './harness.ts';

/** A visitor switches the interface between Dutch and English and finds an organisation. */
let journey: Journey;
let page: Page;

before(async () => {
  journey = await startJourney();
  page = await journey.newPage();
});

after(async () => {
  await journey?.close();
});

const lang = (p: Page) => p.evaluate(() => document.documentElement.lang);
const footerLink = (p: Page, name: string) =>
  p.getByRole('contentinfo').getByRole('link', { name, exact: true });

test('the English link on the home page switches the interface to English', async () => {
  await page.goto('/');
  assert.equal(await lang(page), 'nl');
  assert.equal(await textOf(page, 'h1'), 'Routekaart: samen bouwen aan digitale strategie');
  await checkA11y(page, 'the home page in Dutch');

  const english = page.getByRole('link', { name: 'Switch to English' });
  assert.equal(await english.innerText(), 'English');
  assert.equal(await english.getAttribute('lang'), 'en', 'screen readers pronounce the link in English');
  await untilLoaded(page, () => english.click());
  assert.equal(await lang(page), 'en');
  assert.equal(new URL(page.url()).pathname, '/', 'the switch returns to the same page');
  assert.equal(await textOf(page, 'h1'), 'Routekaart: building digital strategy together');
  assert.deepEqual(await page.locator('main h2').allInnerTexts(), [
    'The four pillars of the guide',
    'Get started',
  ]);
  assert.equal(await textOf(page, '.utrecht-skip-link'), 'Skip to main content');
  await checkA11y(page, 'the home page in English');
});

test('English stays on the next page, where the directory search for "Haag" finds Den Haag', async () => {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Organisations' })
    .click();
  await page.waitForURL('**/organisations');
  assert.equal(await lang(page), 'en');
  assert.equal(await textOf(page, 'h1'), 'Organisations');
  await checkA11y(page, 'the organisation directory in English');

  await page.getByRole('searchbox', { name: 'Search by name or CBS code' }).fill('Haag');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL('**/organisations?q=Haag*');
  const results = page.getByRole('table', { name: 'Organisations found' });
  const denHaag = results.getByRole('link', { name: 'Den Haag', exact: true });
  assert.equal(await denHaag.count(), 1);
  const row = results
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'Den Haag', exact: true }) });
  assert.deepEqual(await row.getByRole('cell').allInnerTexts(), ['GM0518', 'Municipality', 'Zuid-Holland']);
  assert.match(await textOf(page, '[role="status"]'), /^\d+ organisations? found$/);
  assert.equal(await page.getByRole('searchbox').inputValue(), 'Haag', 'the search term stays in the field');
  await checkA11y(page, 'the search results for Haag');

  await denHaag.click();
  await page.waitForURL('**/organisations/GM0518');
  assert.equal(await textOf(page, 'h1'), 'Den Haag');
  assert.equal(await lang(page), 'en');
  await checkA11y(page, 'the profile of Den Haag in English');
});

test('the accessibility and privacy statements are in English', async () => {
  await footerLink(page, 'Accessibility').click();
  await page.waitForURL('**/accessibility');
  assert.equal(await lang(page), 'en');
  assert.equal(await textOf(page, 'h1'), 'Accessibility statement');
  await checkA11y(page, 'the accessibility statement in English');

  await footerLink(page, 'Privacy').click();
  await page.waitForURL('**/privacy');
  assert.equal(await textOf(page, 'h1'), 'Privacy statement');
  await checkA11y(page, 'the privacy statement in English');
});

test('the Nederlands link switches back to Dutch on the same page', async () => {
  const dutch = page.getByRole('link', { name: 'Schakel naar Nederlands' });
  assert.equal(await dutch.innerText(), 'Nederlands');
  assert.equal(await dutch.getAttribute('lang'), 'nl');
  await untilLoaded(page, () => dutch.click());
  assert.equal(await lang(page), 'nl');
  assert.equal(new URL(page.url()).pathname, '/privacy');
  assert.equal(await textOf(page, 'h1'), 'Privacyverklaring');
  await checkA11y(page, 'the privacy statement in Dutch');

  await footerLink(page, 'Toegankelijkheid').click();
  await page.waitForURL('**/accessibility');
  assert.equal(await lang(page), 'nl');
  assert.equal(await textOf(page, 'h1'), 'Toegankelijkheidsverklaring');
  await checkA11y(page, 'the accessibility statement in Dutch');
});

test('an unknown address shows a real page-not-found page with the site navigation', async () => {
  const response = await page.goto('/deze-pagina-bestaat-niet');
  assert.equal(response?.status(), 404);
  assert.equal(response?.headers()['content-type'], 'text/html; charset=utf-8');
  assert.equal(await lang(page), 'nl');
  assert.equal(await page.title(), 'Pagina niet gevonden · Routekaart');
  assert.equal(await textOf(page, 'h1'), 'Pagina niet gevonden');
  assert.equal(await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).count(), 1);
  assert.equal(await page.getByRole('contentinfo').count(), 1);
  await checkA11y(page, 'the page-not-found page');

  await page.getByRole('main').getByRole('link', { name: 'Naar de homepage' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  assert.equal(await textOf(page, 'h1'), 'Routekaart: samen bouwen aan digitale strategie');
  await checkA11y(page, 'the home page, reached from the page-not-found page');
});
