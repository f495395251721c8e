import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { outbox } from '../src/core/mail/mail.tables.ts';
import { demoGuidePdf } from '../src/features/intake/intake.demo.ts';
import { minimumFillSeconds } from '../src/features/intake/intake-spam.ts';
import { createUser, testPassword } from '../src/testing/factories.ts';
import { checkA11y, linkIn, signIn, startJourney, textOf, untilLoaded, type Journey } from './harness.ts';

/**
 * The intake end to end: a coordinator uploads the handreiking, a visitor requests it and downloads
 * it through the link in the mail; Rotterdam asks the Connectiviteit Brigade a question, the
 * coordinator takes it through every state with advisory days, and Rotterdam sees each change.
 */
let journey: Journey;
let coordinator: Page;
let municipality: Page;
const contactEmail = 'noor.bakker@rotterdam.example';

before(async () => {
  journey = await startJourney();
  const anouk = await createUser(journey.db, { name: 'Anouk Vermeulen', coordinates: ['zuid-holland'] });
  await createUser(journey.db, { name: 'Noor Bakker', email: contactEmail, memberOf: { GM0599: 'editor' } });
  coordinator = await journey.newPage();
  await coordinator.goto('/login');
  await signIn(coordinator, anouk.email, testPassword);
});

after(async () => {
  await journey?.close();
});

/** A person needs a moment to fill in a form; the server refuses forms sent faster. */
const likeAPerson = () => new Promise((resolve) => setTimeout(resolve, minimumFillSeconds * 1000 + 200));

test('the coordinator uploads the handreiking as a PDF', async () => {
  await coordinator.goto('/networks/zuid-holland/intake');
  await checkA11y(coordinator, 'the intake overview');
  await coordinator.getByRole('link', { name: 'Document handreiking' }).click();
  await checkA11y(coordinator, 'the document page');
  await coordinator
    .getByLabel('PDF-bestand')
    .setInputFiles({ name: 'handreiking.pdf', mimeType: 'application/pdf', buffer: await demoGuidePdf() });
  await untilLoaded(coordinator, () =>
    coordinator.getByRole('button', { name: 'Nieuwe versie uploaden' }).click(),
  );
  assert.match(await textOf(coordinator, 'main'), /Versie 1 van de handreiking is opgeslagen/);
  await checkA11y(coordinator, 'the document page after an upload');
});

test('a visitor requests the handreiking from the home page and downloads it through the link in the mail', async () => {
  const visitor = await journey.newPage();
  await visitor.goto('/');
  await visitor.getByRole('link', { name: 'Handreiking digitaliseringsstrategie aanvragen' }).click();
  await visitor.waitForURL('**/handreiking');
  await checkA11y(visitor, 'the handreiking request form');
  await visitor.getByLabel('Naam', { exact: true }).fill('Maartje de Graaf');
  await visitor.getByLabel('E-mailadres').fill('maartje@alphen.example');
  await visitor.getByLabel('Organisatie', { exact: true }).selectOption('GM0484');
  await visitor.getByLabel('Functie').fill('Beleidsadviseur digitalisering');
  await visitor.getByLabel(/Ik ga akkoord/).check();
  await likeAPerson();
  await untilLoaded(visitor, () => visitor.getByRole('button', { name: 'Handreiking aanvragen' }).click());
  assert.equal(await visitor.locator('h1').innerText(), 'Uw aanvraag is ontvangen');
  await checkA11y(visitor, 'the confirmation page');

  const mail = await journey.receiveMail('maartje@alphen.example');
  const link = linkIn(mail, journey.baseUrl, '/handreiking/download/');
  await visitor.goto(link);
  await checkA11y(visitor, 'the personal download page');
  const download = visitor.waitForEvent('download');
  await visitor.getByRole('link', { name: 'Download de handreiking (PDF)' }).click();
  assert.match((await download).suggestedFilename(), /\.pdf$/);

  await coordinator.goto('/networks/zuid-holland/intake/requests');
  await checkA11y(coordinator, 'the list of requests');
  const row = coordinator.locator('tr', { hasText: 'Maartje de Graaf' });
  assert.equal((await row.locator('td.rk-number').innerText()).trim(), '1', 'the download is counted');
});

async function statusMails(): Promise<string[]> {
  await journey.app.services.mailer.deliverDue();
  const rows = await journey.db
    .select()
    .from(outbox)
    .where(eq(outbox.recipient, contactEmail))
    .orderBy(desc(outbox.id));
  return rows.filter((m) => m.status === 'sent').map((m) => m.subject);
}

test('Rotterdam asks the Brigade a question and follows it while the coordinator takes it through every state', async () => {
  municipality = await journey.newPage();
  await municipality.goto('/login');
  await signIn(municipality, contactEmail, testPassword);
  await municipality.goto('/brigade');
  await municipality.waitForURL('**/o/GM0599/brigade/new');
  await checkA11y(municipality, 'the signed-in Brigade form');
  await municipality.getByLabel('Antennebeleid').check();
  await municipality
    .getByLabel('Beschrijving van uw vraag')
    .fill('We willen ons antennebeleid herzien voor small cells.');
  await municipality.getByLabel('Binnen enkele weken').check();
  await municipality.getByLabel('In een (online) gesprek').check();
  await untilLoaded(municipality, () => municipality.getByRole('button', { name: 'Vraag indienen' }).click());
  await checkA11y(municipality, "Rotterdam's list of questions");
  assert.match((await journey.receiveMail(contactEmail)).subject, /ontvangen/);
  await municipality.getByRole('link', { name: /^Vraag \d+$/ }).click();
  const caseUrl = municipality.url();
  await checkA11y(municipality, "Rotterdam's view of its question");

  await coordinator.goto('/networks/zuid-holland/brigade');
  await checkA11y(coordinator, 'the list of Brigade questions');
  await coordinator.locator('table a').first().click();
  await checkA11y(coordinator, 'the case page');

  const advance = async (label: string, status: string) => {
    await untilLoaded(coordinator, () =>
      coordinator.getByRole('button', { name: `Naar "${label}"` }).click(),
    );
    await checkA11y(coordinator, `the case page in ${status}`);
    await municipality.goto(caseUrl);
    assert.equal(await textOf(municipality, '#case-status'), status, 'Rotterdam sees the new status');
    assert.ok(
      (await statusMails()).some((s) => s.endsWith(status)),
      `Rotterdam got a mail for ${status}`,
    );
  };
  await advance('Intake', 'Intake');
  await coordinator.getByLabel('Behandelaar', { exact: true }).selectOption({ label: 'Anouk Vermeulen' });
  await untilLoaded(coordinator, () =>
    coordinator.getByRole('button', { name: 'Behandelaar opslaan' }).click(),
  );
  await advance('Opdrachtbeschrijving', 'Opdrachtbeschrijving');
  await coordinator
    .getByLabel('Opdrachtbeschrijving', { exact: true })
    .fill('## Doel\n\nEen kader voor small cells op straatmeubilair.');
  await untilLoaded(coordinator, () =>
    coordinator.getByRole('button', { name: 'Opdrachtbeschrijving opslaan' }).click(),
  );
  await advance('Experts toegewezen', 'Experts toegewezen');
  await advance('In behandeling', 'In behandeling');
  await municipality.goto(caseUrl);
  assert.match(await textOf(municipality, 'main'), /Een kader voor small cells op straatmeubilair/);

  const logTime = async (amount: string, unit: 'uur' | 'dagen', reason = '') => {
    await coordinator.getByLabel('Datum', { exact: true }).fill('2026-11-20');
    await coordinator.getByLabel('Persoon', { exact: true }).fill('Adviseur extern bureau');
    await coordinator.getByLabel('Hoeveelheid').fill(amount);
    await coordinator.getByLabel('Eenheid').selectOption({ label: unit });
    await coordinator.getByLabel('Wat is er gedaan').fill('Werksessie met Stadsbeheer');
    if (reason) await coordinator.getByLabel(/Reden voor overschrijding/).fill(reason);
    await untilLoaded(coordinator, () => coordinator.getByRole('button', { name: 'Tijd boeken' }).click());
  };
  await logTime('3', 'dagen');
  await logTime('5', 'dagen');
  assert.match(await textOf(coordinator, 'main'), /Let op: 8,0 van de 10 adviesdagen/);
  await checkA11y(coordinator, 'the case page with the 8-day warning');
  await logTime('3', 'dagen');
  assert.match(await textOf(coordinator, 'main'), /boven het budget van 10 dagen/);
  await checkA11y(coordinator, 'the case page refusing an 11th day without a reason');
  await coordinator
    .getByLabel(/Reden voor overschrijding/)
    .fill('Extra raadsinformatieavond op verzoek van de wethouder');
  await untilLoaded(coordinator, () => coordinator.getByRole('button', { name: 'Tijd boeken' }).click());
  assert.match(await textOf(coordinator, 'main'), /Adviesbureau: 11,0 van 10 dagen/);

  await coordinator.getByLabel('Uitkomst').fill('Het college heeft het nieuwe antennebeleid vastgesteld.');
  await advance('Afgerond', 'Afgerond');
  await municipality.goto(caseUrl);
  const seen = await textOf(municipality, 'main');
  assert.match(seen, /Het college heeft het nieuwe antennebeleid vastgesteld/);
  assert.doesNotMatch(seen, /raadsinformatieavond|Adviseur extern bureau/, 'internal work stays internal');
  await checkA11y(municipality, "Rotterdam's view of the closed question");
});
