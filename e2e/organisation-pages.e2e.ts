import { after, before, test } from 'node:test';
import { signedInAsRotterdamAdmin, startDemoJourney, sweepPages, type Journey } from './harness.ts';

/**
 * An organisation's strategy pages on the demo data pass axe and reflow (no sideways scrolling at
 * 1280 and 320 px). Split from organisation-data.e2e.ts so that each file stays within the time limit.
 */
let journey: Journey;

before(async () => {
  journey = await startDemoJourney();
});

after(async () => {
  await journey?.close();
});

test('the strategy, roadmap and documents pages pass axe and reflow', async () => {
  const page = await signedInAsRotterdamAdmin(journey);
  const paths = ['/o/GM0599/strategy', '/o/GM0599/strategy/roadmap', '/o/GM0599/strategy/versions'];
  const documents = ['/o/GM0599/documents', '/o/GM0599/documents/council-letters'];
  await sweepPages(page, [...paths, ...documents], 'Rotterdam administrator');
});
