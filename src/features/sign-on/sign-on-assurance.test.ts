import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import { startTestProvider, type TestProvider } from '../../testing/oidc-provider.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { meetsAssurance } from './sign-on-assurance.ts';
import { oidcConnections } from './sign-on.tables.ts';

const redirectUri = 'http://routekaart.test/sso/callback';
const loa = (level: 'low' | 'substantial' | 'high') => `http://eidas.europa.eu/LoA/${level}` as const;

describe('the level of assurance of single sign-on (NL GOV Assurance profile)', () => {
  let t: TestApp;
  let provider: TestProvider;
  let admin: TestClient;
  const settings = (requiredAcr: string) => ({
    issuer: provider.issuer,
    clientId: 'routekaart',
    authMethod: 'client_secret_basic',
    clientSecret: 'a client secret of the municipality',
    domains: 'rotterdam.example',
    newColleagues: 'create',
    defaultRole: 'viewer',
    requiredAcr,
  });

  async function journey(email: string) {
    const client = new TestClient(t.app);
    const start = await client.post('/login/organisation', { email, next: '/o/GM0599' });
    const href = /id="provider-link" href="([^"]+)"/.exec(start.body)?.[1];
    assert.ok(href, start.body);
    const authorise = new URL(href.replaceAll('&amp;', '&'));
    const callback = await provider.signIn(authorise.href, email);
    return { authorise, response: await client.get(callback.pathname + callback.search) };
  }

  before(async () => {
    t = await createTestApp();
    provider = await startTestProvider({
      clientId: 'routekaart',
      redirectUri,
      clientSecret: 'a client secret of the municipality',
    });
    admin = (await signedInAs(t, 'GM0599', 'admin')).client;
  });
  after(async () => {
    await provider.close();
    await t.close();
  });

  it('orders the eIDAS levels and refuses a missing or unknown acr when one is required', () => {
    assert.equal(meetsAssurance(null, undefined), true);
    assert.equal(meetsAssurance(loa('substantial'), loa('high')), true);
    assert.equal(meetsAssurance(loa('substantial'), loa('substantial')), true);
    assert.equal(meetsAssurance(loa('substantial'), loa('low')), false);
    assert.equal(meetsAssurance(loa('low'), undefined), false);
    assert.equal(meetsAssurance(loa('low'), 'urn:something:else'), false);
  });

  it('lets the administrator choose the level, and names a value outside the list', async () => {
    const bad = await admin.post('/o/GM0599/sign-on', settings('urn:made:up'), '/o/GM0599/sign-on');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Kies een van de betrouwbaarheidsniveaus/);
    const saved = await admin.post('/o/GM0599/sign-on', settings(loa('substantial')), '/o/GM0599/sign-on');
    assert.equal(saved.statusCode, 303);
    const [row] = await t.db.select().from(oidcConnections);
    assert.equal(row?.requiredAcr, loa('substantial'));
    const page = await admin.get('/o/GM0599/sign-on');
    assert.match(page.body, /<option value="http:\/\/eidas\.europa\.eu\/LoA\/substantial" selected>/);
  });

  it('asks for the level in acr_values and refuses an ID token without acr or with a lower one', async () => {
    for (const [acr, email] of [
      [undefined, 'zonder-niveau@rotterdam.example'],
      [loa('low'), 'laag@rotterdam.example'],
    ] as const) {
      provider.acr.value = acr;
      const { authorise, response } = await journey(email);
      assert.equal(authorise.searchParams.get('acr_values'), loa('substantial'));
      assert.equal(response.statusCode, 403, `acr ${acr ?? 'missing'}`);
      assert.match(response.body, /data-problem="assurance"/);
      assert.match(response.body, /betrouwbaarheidsniveau/);
      assert.equal(
        response.cookies.find((c) => c.name === 'rk_session'),
        undefined,
      );
      assert.equal((await t.db.select().from(users).where(eq(users.email, email))).length, 0);
    }
  });

  it('signs in when the provider confirms the required level or a higher one', async () => {
    for (const [acr, email] of [
      [loa('substantial'), 'substantieel@rotterdam.example'],
      [loa('high'), 'hoog@rotterdam.example'],
    ] as const) {
      provider.acr.value = acr;
      const { response } = await journey(email);
      assert.equal(response.statusCode, 303, `acr ${acr}`);
      assert.equal(response.headers.location, '/o/GM0599');
    }
    provider.acr.value = undefined;
  });

  it('sends no acr_values and accepts any answer when no level is required', async () => {
    await admin.post('/o/GM0599/sign-on', settings(''), '/o/GM0599/sign-on');
    const { authorise, response } = await journey('geen-eis@rotterdam.example');
    assert.equal(authorise.searchParams.get('acr_values'), null);
    assert.equal(response.statusCode, 303);
  });
});
