import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { latestSubmittedScan } from '../src/features/scan/index.ts';
import { organisationId } from '../src/testing/factories.ts';
import {
  checkA11y,
  checkReflow,
  demoPassword,
  hasVisibleFocus,
  signIn,
  startDemoJourney,
  tabTo,
  type Journey,
} from './harness.ts';

/**
 * Den Haag's administrator reads the maturity per societal task in the results of the latest
 * submitted scan and beside the choice of tasks in the strategy builder: a chart with the same
 * figures in a table, a disclosure per task opened from the keyboard, axe clean, reflowing at 320 px.
 * With RK_SCREENSHOTS=dir it leaves screenshots at 320 and 1280 px there, to look at.
 */
let journey: Journey;
let page: Page;
const screenshots = process.env.RK_SCREENSHOTS;

before(async () => {
  journey = await startDemoJourney();
  page = await journey.newPage();
  await page.goto('/login');
  await signIn(page, 'eva.jansen@denhaag.example', demoPassword);
});

after(async () => {
  await journey?.close();
});

async function shoot(name: string) {
  if (!screenshots) return;
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator('#task-maturity-heading').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${screenshots}/${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the results show the position per societal task as a chart and a table, each task opening by keyboard', async () => {
  const scan = await latestSubmittedScan(journey.db, await organisationId(journey.db, 'GM0518'));
  assert.ok(scan, 'Den Haag has a submitted scan');
  await page.goto(`/o/GM0518/scans/${scan.id}/results`);
  const section = page.locator('section.rk-task-maturity');
  assert.equal(await section.locator('h2').innerText(), 'Volwassenheid per maatschappelijke opgave');
  assert.equal(await section.locator('svg[role="img"]').count(), 1, 'one chart');
  const rows = await section.locator('table').first().locator('tbody tr').count();
  assert.equal(rows, await section.locator('details').count(), 'a table row and a disclosure per task');
  await page.locator('#task-maturity-heading').scrollIntoViewIfNeeded();
  await page.locator('section.rk-task-maturity .rk-table-scroll').first().focus();
  const summary = await tabTo(page, 'the first task’s disclosure', (f) => f.tag === 'summary');
  assert.ok(summary);
  assert.ok(await hasVisibleFocus(page), 'the focused disclosure shows its focus');
  await page.keyboard.press('Enter');
  assert.equal(await section.locator('details').first().getAttribute('open'), '', 'Enter opens it');
  assert.ok(
    (await section.locator('details').first().innerText()).includes('Acties die deze opgave vooruithelpen'),
  );
  await checkA11y(page, 'the scan results with the societal tasks');
  await checkReflow(page, 'the scan results with the societal tasks');
  await shoot('results');
});

test('the strategy builder shows the positions beside the choice of tasks', async () => {
  await page.goto('/o/GM0518/strategy/edit');
  assert.equal(await page.locator('section.rk-task-maturity').count(), 1);
  await checkA11y(page, 'the strategy builder with the societal tasks');
  await checkReflow(page, 'the strategy builder with the societal tasks');
  await shoot('strategy');
});
