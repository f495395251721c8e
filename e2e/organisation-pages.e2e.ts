import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemo } from '../src/cli/seed-demo.ts';
import { signIn, startJourney, sweepPages, type Journey } from './harness.ts';

/**
 * An organisation's strategy pages on the demo data pass axe and reflow (no sideways scrolling at
 * 1280 and 320 px). Split from organisation-data.e2e.ts so that each file stays within the time limit.
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
