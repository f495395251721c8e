import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createUser, testPassword } from '../src/testing/factories.ts';
import { checkA11y, linkIn, startJourney, textOf, type Journey, type ReceivedMail } from './harness.ts';

/**
 * The administrator of Rotterdam invites a colleague as editor; the colleague gets the mail,
 * creates an account through its link and appears in the administrator's list of colleagues.
 */
let journey: Journey;
let admin: Page;
let adminName: string;
let adminEmail: string;
let mail: ReceivedMail;
const colleague = {
  email: 'j.devries@rotterdam.example',
  name: 'Jan de Vries',
  password: 'de Erasmusbrug bij avondlicht',
};

before(async () => {
  journey = await startJourney();
  const user = await createUser(journey.db, { name: 'Anouk Bakker', memberOf: { GM0599: 'admin' } });
  adminName = user.name;
  adminEmail = user.email;
  admin = await journey.newPage();
});

after(async () => {
  await journey?.close();
});

test('the organisation administrator signs in through the login form and lands on the Rotterdam dashboard', async () => {
  await admin.goto('/');
  await checkA11y(admin, 'the home page');
  await admin.getByRole('link', { name: 'Inloggen', exact: true }).click();
  await admin.waitForURL('**/login');
  await checkA11y(admin, 'the login page');
  await admin.getByLabel('E-mailadres').fill(adminEmail);
  await admin.getByLabel('Wachtwoord').fill(testPassword);
  await admin.getByRole('button', { name: 'Inloggen' }).click();
  await admin.waitForURL('**/o/GM0599');
  assert.equal(await textOf(admin, '.rk-user'), `Ingelogd als ${adminName}`);
  const current = admin.getByRole('navigation', { name: 'Hoofdnavigatie' }).locator('[aria-current="page"]');
  assert.equal(await current.innerText(), 'Dashboard');
  assert.equal(await textOf(admin, 'h1'), 'Dashboard Rotterdam');
  assert.equal(await textOf(admin, 'main > p.utrecht-paragraph'), 'U bent hier beheerder.');
  await checkA11y(admin, 'the dashboard of Rotterdam');
});

test('the administrator invites a colleague as editor and sees the invitation pending', async () => {
  await admin.getByRole('link', { name: 'Collega’s', exact: true }).click();
  await admin.waitForURL('**/o/GM0599/members');
  assert.equal(await textOf(admin, 'h1'), 'Collega’s van Rotterdam');
  await checkA11y(admin, 'the colleagues page');

  await admin.getByLabel('E-mailadres van de collega').fill(colleague.email);
  await admin.getByRole('radio', { name: 'Bewerker' }).check();
  await admin.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await admin.waitForURL('**/o/GM0599/members?notice=invite.sent');
  assert.match(
    await textOf(admin, '.utrecht-alert--ok'),
    /De uitnodiging staat klaar en wordt zo per e-mail verstuurd/,
  );
  const pending = admin.getByRole('table', { name: 'Uitnodigingen die nog niet zijn aangenomen' });
  assert.deepEqual(
    await pending
      .locator('tbody tr')
      .first()
      .locator('th, td')
      .allInnerTexts()
      .then((cells) => cells.slice(0, 2)),
    [colleague.email, 'Bewerker'],
  );
  await checkA11y(admin, 'the colleagues page with a pending invitation');
});

test('the invitation arrives by mail with a link to accept it', async () => {
  mail = await journey.receiveMail(colleague.email);
  assert.equal(mail.subject, 'Uitnodiging voor Routekaart van Rotterdam');
  assert.match(
    mail.text,
    new RegExp(`${adminName} nodigt u uit om als bewerker mee te werken aan de Routekaart van Rotterdam`),
  );
  assert.match(linkIn(mail, journey.baseUrl, '/invitation/'), /\/invitation\/[A-Za-z0-9_-]{20,}$/);
});

test('the colleague opens the link in a fresh browser, sets name and password and lands on the Rotterdam dashboard', async () => {
  const page = await journey.newPage();
  await page.goto(linkIn(mail, journey.baseUrl, '/invitation/'));
  assert.equal(await textOf(page, 'h1'), 'Uitnodiging voor Rotterdam');
  assert.match(await textOf(page, 'main'), new RegExp(`E-mailadres: ${colleague.email}`));
  await checkA11y(page, 'the invitation page');

  await page.getByLabel('Naam').fill(colleague.name);
  await page.getByLabel('Nieuw wachtwoord').fill(colleague.password);
  await page.getByLabel('Herhaal het wachtwoord').fill(colleague.password);
  await page.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
  await page.waitForURL('**/o/GM0599?notice=invitation-accepted');
  assert.equal(await textOf(page, 'h1'), 'Dashboard Rotterdam');
  assert.equal(await textOf(page, '.utrecht-alert--ok'), 'Welkom! U heeft de uitnodiging aangenomen.');
  assert.equal(await textOf(page, '.rk-user'), `Ingelogd als ${colleague.name}`);
  assert.equal(await textOf(page, 'main > p.utrecht-paragraph'), 'U bent hier bewerker.');
  await checkA11y(page, 'the dashboard of the new colleague');
});

test('after a reload the administrator sees the colleague as editor and no invitation pending', async () => {
  await admin.reload();
  const members = admin.getByRole('table', { name: 'Collega’s met toegang tot Rotterdam' });
  const row = members.getByRole('row').filter({ hasText: colleague.email });
  assert.equal(await row.getByRole('rowheader').innerText(), colleague.name);
  assert.equal(await row.getByRole('cell').nth(1).innerText(), 'Bewerker');
  assert.equal(await members.locator('tbody tr').count(), 2);
  assert.equal(
    await admin.getByRole('table', { name: 'Uitnodigingen die nog niet zijn aangenomen' }).count(),
    0,
  );
  await checkA11y(admin, 'the colleagues page after the colleague joined');
});
