import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { tinyPdf } from '../src/features/practices/practices.fixtures.ts';
import { createUser } from '../src/testing/factories.ts';
import { checkA11y, signIn, startJourney, untilLoaded, type Journey } from './harness.ts';

/**
 * A Rotterdam editor writes a practice with a PDF and publishes it to the network; a colleague in
 * Delft finds it with another form of the word and opens the attachment; a visitor does not see it;
 * withdrawing it (after a confirmation) takes it out of Delft's search.
 */
let journey: Journey;
let editor: Page;
let delft: Page;
let practiceUrl = '';
const title = 'Samenwerking tussen gemeenten bij de aanleg van glasvezel';

before(async () => {
  journey = await startJourney();
  const rotterdam = await createUser(journey.db, { name: 'Sanne Rotterdam', memberOf: { GM0599: 'editor' } });
  const delftMember = await createUser(journey.db, { name: 'Bram Delft', memberOf: { GM0503: 'viewer' } });
  editor = await journey.newPage();
  await editor.goto('/login');
  await signIn(editor, rotterdam.email);
  delft = await journey.newPage();
  await delft.goto('/login');
  await signIn(delft, delftMember.email);
});

after(async () => {
  await journey?.close();
});

test('an editor writes a practice with an attachment from the knowledge page', async () => {
  await editor.goto('/knowledge');
  await checkA11y(editor, 'the knowledge landing page');
  await untilLoaded(editor, () =>
    editor.getByRole('link', { name: 'Praktijkvoorbeelden van Rotterdam' }).click(),
  );
  await checkA11y(editor, "the organisation's practices (empty)");
  await untilLoaded(editor, () => editor.getByRole('link', { name: 'Nieuw praktijkvoorbeeld' }).click());
  await checkA11y(editor, 'the new practice form');
  await editor.getByLabel('Titel', { exact: true }).fill(title);
  await editor
    .getByLabel('Samenvatting')
    .fill('Vier gemeenten legden samen glasvezel aan in het buitengebied.');
  await editor
    .getByLabel(/^Beschrijving/)
    .fill('We combineerden **graafwerk** met de vervanging van riolering.');
  await editor.getByLabel('Pijler').selectOption('preconditions');
  await editor.locator('input[name="themes"][value="coalitions"]').check();
  await editor.locator('input[name="tasks"][value="economic-development"]').check();
  await editor.getByLabel('Startjaar').fill('2023');
  await editor
    .getByLabel(/^Bijlagen toevoegen/)
    .setInputFiles({ name: 'evaluatie.pdf', mimeType: 'application/pdf', buffer: tinyPdf });
  await untilLoaded(editor, () => editor.getByRole('button', { name: 'Opslaan' }).click());
  assert.match(editor.url(), /\/knowledge\/practices\/\d+/);
  practiceUrl = new URL(editor.url()).pathname;
  assert.match(await editor.locator('main').innerText(), /Het praktijkvoorbeeld is opgeslagen/);
  await checkA11y(editor, 'the new draft practice');
});

test('publishing to the network makes it findable for Delft, not for visitors', async () => {
  await untilLoaded(editor, () => editor.getByRole('button', { name: /Publiceren in het netwerk/ }).click());
  assert.match(await editor.locator('main').innerText(), /Het praktijkvoorbeeld is gepubliceerd/);
  const visitor = await journey.newPage();
  await visitor.goto('/knowledge/practices?q=gemeente');
  assert.doesNotMatch(await visitor.locator('main').innerText(), /Samenwerking tussen gemeenten/);
  await checkA11y(visitor, 'the search page signed out');
});

test('a member of another municipality finds it with another word form and opens the attachment', async () => {
  await delft.goto('/knowledge/practices');
  await checkA11y(delft, 'the practice search');
  await delft.getByLabel('Zoekterm').fill('gemeente');
  await untilLoaded(delft, () => delft.getByRole('button', { name: 'Zoeken' }).click());
  const result = delft.getByRole('link', { name: title });
  assert.equal(await result.count(), 1, 'the stemmed search finds "gemeenten"');
  assert.ok((await delft.locator('main mark').count()) > 0, 'the match is highlighted');
  await checkA11y(delft, 'the search results with highlighted fragments');
  await untilLoaded(delft, () => result.click());
  assert.equal(new URL(delft.url()).pathname, practiceUrl);
  await checkA11y(delft, 'the practice as a member of another municipality sees it');
  const link = delft.getByRole('link', { name: /evaluatie\.pdf/ });
  const href = await link.getAttribute('href');
  assert.ok(href);
  const file = await delft.request.get(href);
  assert.equal(file.status(), 200);
  assert.equal(file.headers()['content-type'], 'application/pdf');
  assert.equal(file.headers()['x-content-type-options'], 'nosniff');
  assert.deepEqual(await file.body(), tinyPdf);
});

test('withdrawing asks first, then the practice is gone from Delft’s search', async () => {
  await editor.goto(practiceUrl);
  await untilLoaded(editor, () => editor.getByRole('link', { name: 'Intrekken' }).click());
  await checkA11y(editor, 'the withdraw confirmation');
  await untilLoaded(editor, () => editor.getByRole('button', { name: 'Ja, intrekken' }).click());
  assert.match(await editor.locator('main').innerText(), /ingetrokken/);
  await delft.goto('/knowledge/practices?q=gemeente');
  assert.equal(await delft.getByRole('link', { name: title }).count(), 0);
  assert.equal((await delft.request.get(practiceUrl)).status(), 404);
});
