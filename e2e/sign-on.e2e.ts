import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { memberships, users } from '../src/core/auth/auth.tables.ts';
import { createUser, organisationId } from '../src/testing/factories.ts';
import { startTestProvider, type TestProvider } from '../src/testing/oidc-provider.ts';
import { checkA11y, signIn, startJourney, untilLoaded, type Journey } from './harness.ts';

/**
 * Rotterdam's administrator connects the municipality's own identity provider; a new colleague
 * then signs in through it and lands on Rotterdam's dashboard as an editor. Axe checks every new
 * page: the settings, the address form, the refusal page, the second-factor pages.
 */
let journey: Journey;
let provider: TestProvider;

before(async () => {
  journey = await startJourney();
  provider = await startTestProvider({
    clientId: 'routekaart',
    clientSecret: 'geheim van de gemeente Rotterdam',
    redirectUri: `${journey.baseUrl}/sso/callback`,
  });
});

after(async () => {
  await provider?.close();
  await journey?.close();
});

test('the administrator connects the provider on an accessible settings page', async () => {
  const admin = await createUser(journey.db, { memberOf: { GM0599: 'admin' } });
  const page = await journey.newPage();
  await page.goto('/o/GM0599/sign-on');
  await signIn(page, admin.email);
  assert.equal(new URL(page.url()).pathname, '/o/GM0599/sign-on');
  await checkA11y(page, 'the single sign-on settings');
  await page.getByLabel('Issuer (uitgever)').fill(provider.issuer);
  await page.getByLabel('Client-ID').fill('routekaart');
  await page.getByLabel('Met een client secret').check();
  await page.getByRole('textbox', { name: /^Client secret/ }).fill('geheim van de gemeente Rotterdam');
  await page.getByLabel('E-maildomeinen waarvoor de inlogdienst instaat').fill('rotterdam.example');
  await page.getByLabel('krijgt meteen een account met de standaardrol').check();
  await page.getByLabel('Standaardrol voor nieuwe collega’s').selectOption('editor');
  await untilLoaded(page, () => page.getByRole('button', { name: 'Opslaan' }).click());
  assert.match(await page.locator('.utrecht-alert--ok').innerText(), /De koppeling is opgeslagen/);
  await checkA11y(page, 'the single sign-on settings, saved');
  await page.goto('/o/GM0599/members/second-factor');
  await checkA11y(page, "the administrator's second-factor overview");
});

test('a new colleague signs in through the provider and lands on the dashboard as an editor', async () => {
  const page = await journey.newPage();
  await page.goto('/login');
  await untilLoaded(page, () => page.getByRole('link', { name: /Inloggen via uw organisatie/ }).click());
  assert.equal(new URL(page.url()).pathname, '/login/organisation');
  await checkA11y(page, 'the address form for single sign-on');
  await page.getByLabel('E-mailadres van het werk').fill('sanne@rotterdam.example');
  await page.getByRole('button', { name: 'Verder naar uw organisatie' }).click();
  await page.waitForURL(`${provider.issuer}/**`);
  await page.locator('input[name="login"]').waitFor();
  await page.locator('input[name="login"]').fill('sanne@rotterdam.example');
  await page.locator('input[name="password"]').fill('any');
  await untilLoaded(page, () => page.locator('button[type="submit"]').first().click());
  await page.waitForURL(`${journey.baseUrl}/o/GM0599`);
  assert.match(await page.locator('h1').innerText(), /Rotterdam/);
  assert.match(await page.locator('.rk-user').innerText(), /Ingelogd als sanne/);
  const [user] = await journey.db.select().from(users).where(eq(users.email, 'sanne@rotterdam.example'));
  assert.ok(user);
  const [member] = await journey.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, user.id),
        eq(memberships.organisationId, await organisationId(journey.db, 'GM0599')),
      ),
    );
  assert.equal(member?.role, 'editor');
});

test('a forged answer ends on a clear, accessible refusal page', async () => {
  provider.tamper.mode = 'signature';
  try {
    const page = await journey.newPage();
    await page.goto('/login/organisation');
    await page.getByLabel('E-mailadres van het werk').fill('sanne@rotterdam.example');
    await page.getByRole('button', { name: 'Verder naar uw organisatie' }).click();
    await page.waitForURL(`${provider.issuer}/**`);
    await page.locator('input[name="login"]').fill('sanne@rotterdam.example');
    await page.locator('input[name="password"]').fill('any');
    await untilLoaded(page, () => page.locator('button[type="submit"]').first().click());
    await page.waitForURL(/\/sso\/callback/);
    assert.equal(await page.locator('h1').innerText(), 'Inloggen via uw organisatie is niet gelukt');
    assert.match(await page.locator('.utrecht-alert--error').innerText(), /geen geldige handtekening/);
    await checkA11y(page, 'the refusal of a forged answer');
  } finally {
    provider.tamper.mode = undefined;
  }
});

test('the second-factor pages are accessible: the code step and the own account page', async () => {
  const user = await createUser(journey.db, { memberOf: { GM0599: 'viewer' }, secondFactor: true });
  const page = await journey.newPage();
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(user.email);
  await page.getByLabel('Wachtwoord').fill('correct horse battery staple');
  await untilLoaded(page, () => page.getByRole('button', { name: 'Inloggen' }).click());
  assert.equal(new URL(page.url()).pathname, '/sign-in/second-factor');
  await checkA11y(page, 'the second-factor step');
  await page.getByLabel('Code', { exact: true }).fill('000000');
  await untilLoaded(page, () => page.getByRole('button', { name: 'Inloggen' }).click());
  assert.match(await page.locator('.utrecht-alert--error').innerText(), /klopt niet/);
  await checkA11y(page, 'the second-factor step with a wrong code');
  const other = await journey.newPage();
  const fresh = await createUser(journey.db, { memberOf: { GM0599: 'viewer' } });
  await other.goto('/account/second-factor');
  await signIn(other, fresh.email);
  assert.equal(await other.locator('h1').innerText(), 'Tweestapsverificatie instellen');
  await checkA11y(other, 'the enrolment from the own account');
});
