import { after, before, test } from 'node:test';
import { signedInAsRotterdamAdmin, startDemoJourney, sweepPages, type Journey } from './harness.ts';

/** An organisation's registers and knowledge pages on the demo data pass axe and reflow. */
let journey: Journey;

before(async () => {
  journey = await startDemoJourney();
});

after(async () => {
  await journey?.close();
});

test('the registers pass axe and reflow', async () => {
  const page = await signedInAsRotterdamAdmin(journey);
  const registers = ['data-sources', 'contracts', 'assessments', 'partnerships'];
  await sweepPages(
    page,
    ['/o/GM0599/registers', ...registers.map((r) => `/o/GM0599/registers/${r}`)],
    'Rotterdam administrator',
  );
});

test("the organisation's knowledge pages pass axe and reflow", async () => {
  const page = await signedInAsRotterdamAdmin(journey);
  await sweepPages(
    page,
    ['/o/GM0599/practices', '/o/GM0599/projects', '/o/GM0599/opportunities', '/o/GM0599/brigade'],
    'Rotterdam administrator',
  );
});
