import { after, before, test } from 'node:test';
import {
  demoPassword,
  firstLink,
  signIn,
  startDemoJourney,
  sweepPages as sweep,
  type Journey,
} from './harness.ts';

/**
 * The algorithms register (its list, form and entry, with the publication standard's help texts) and
 * the processing register on the demo data, checked with axe and for reflow at 1280 and 320 CSS
 * pixels, in Dutch and in English. A file of its own, so that the sweep of page-sweep.e2e.ts stays
 * within one file's time limit.
 */
let journey: Journey;

before(async () => {
  journey = await startDemoJourney();
});

after(async () => {
  await journey?.close();
});

test('the algorithms register and the processing register pass axe, in Dutch and in English', async () => {
  const page = await journey.newPage();
  await page.goto('/login');
  await signIn(page, 'noor.bakker@rotterdam.example', demoPassword);
  await page.goto('/o/GM0599/registers/algorithms');
  const algorithm = await firstLink(page, /^\/o\/GM0599\/registers\/algorithms\/\d+$/);
  const paths = [
    '/o/GM0599/registers',
    '/o/GM0599/registers/algorithms',
    '/o/GM0599/registers/algorithms/new',
    algorithm,
    `${algorithm}/edit`,
    '/o/GM0599/registers/data-sources/new',
    '/o/GM0599/registers/processing',
  ];
  await sweep(page, paths, 'Rotterdam administrator');
  await page.goto('/language?lang=en&next=/o/GM0599/registers/processing');
  await sweep(page, ['/o/GM0599/registers/processing', '/o/GM0599/registers/algorithms/new'], 'in English');
});
