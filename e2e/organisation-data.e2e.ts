import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemo } from '../src/cli/seed-demo.ts';
import { signIn, startJourney, sweepPages, type Journey } from './harness.ts';

/** An organisation's registers and knowledge pages on the demo data pass axe and reflow. */
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

test('the registers pass axe and reflow', async () => {
  const page = await signedIn();
  const registers = ['data-sources', 'contracts', 'assessments', 'partnerships'];
  await sweepPages(
    page,
    ['/o/GM0599/registers', ...registers.map((r) => `/o/GM0599/registers/${r}`)],
    'Rotterdam administrator',
  );
});

test("the organisation's knowledge pages pass axe and reflow", async () => {
  const page = await signedIn();
  await sweepPages(
    page,
    ['/o/GM0599/practices', '/o/GM0599/projects', '/o/GM0599/opportunities', '/o/GM0599/brigade'],
    'Rotterdam administrator',
  );
});
