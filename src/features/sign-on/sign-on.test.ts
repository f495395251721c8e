import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { memberships, users } from '../../core/auth/auth.tables.ts';
import { organisationId } from '../../testing/factories.ts';
import { startTestProvider, type TestProvider } from '../../testing/oidc-provider.ts';
import { signedInAs } from '../../testing/sign-in.ts';
import { createTestApp, TestClient, type TestApp } from '../../testing/test-app.ts';
import { oidcConnections } from './sign-on.tables.ts';

const redirectUri = 'http://routekaart.test/sso/callback';

/** The provider's address on the page that hands the browser on (a refresh and a link). */
function handOver(body: string): string {
  const href = /id="provider-link" href="([^"]+)"/.exec(body)?.[1];
  assert.ok(href, 'the page links to the provider');
  assert.match(body, /<meta http-equiv="refresh" content="0;url=/);
  return href.replaceAll('&amp;', '&');
}

describe('single sign-on through the organisation’s OpenID Connect provider', () => {
  let t: TestApp;
  let provider: TestProvider;
  let admin: TestClient;
  const settings = (issuer: string, extra: Record<string, string> = {}) => ({
    issuer,
    clientId: 'routekaart',
    authMethod: 'client_secret_basic',
    clientSecret: 'a client secret of the municipality',
    domains: 'rotterdam.example, Rotterdam.example',
    newColleagues: 'create',
    defaultRole: 'editor',
    ...extra,
  });

  /** From the address form through the provider to the callback; returns the callback's answer. */
  async function journey(client: TestClient, email: string, via = provider) {
    const start = await client.post('/login/organisation', { email, next: '/o/GM0599' });
    assert.equal(start.statusCode, 200, start.body);
    const authorise = new URL(handOver(start.body));
    const callback = await via.signIn(authorise.href, email);
    return { authorise, callback, response: await client.get(callback.pathname + callback.search) };
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

  it('lets the administrator configure the provider, with clear messages for bad input', async () => {
    const bad = await admin.post(
      '/o/GM0599/sign-on',
      settings('http://idp.example', { domains: 'not a domain' }),
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Vul een https-adres in/);
    assert.match(bad.body, /Vul minstens één geldig domein in/);
    assert.match(bad.body, /value="not a domain"/, 'typed values are kept');
    const saved = await admin.post('/o/GM0599/sign-on', settings(provider.issuer));
    assert.equal(saved.headers.location, '/o/GM0599/sign-on?notice=saved');
    const [row] = await t.db.select().from(oidcConnections);
    assert.ok(
      row?.clientSecretSealed && !row.clientSecretSealed.includes('client secret'),
      'the secret is sealed',
    );
    const page = await admin.get('/o/GM0599/sign-on?notice=saved');
    assert.match(page.body, /value="rotterdam\.example"/);
    assert.match(page.body, /http:\/\/routekaart\.test\/sso\/callback/);
    const { client: delft } = await signedInAs(t, 'GM0503', 'admin');
    const taken = await delft.post('/o/GM0503/sign-on', settings(provider.issuer));
    assert.equal(taken.statusCode, 409);
    assert.match(taken.body, /Het domein rotterdam\.example hoort al bij een andere organisatie/);
  });

  it('signs a new colleague in just in time, with the default role, through PKCE, state and nonce', async () => {
    const client = new TestClient(t.app);
    const { authorise, response } = await journey(client, 'anna@rotterdam.example');
    assert.equal(authorise.origin, provider.issuer);
    assert.equal(authorise.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(authorise.searchParams.get('nonce') && authorise.searchParams.get('state'));
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/o/GM0599');
    assert.equal((await client.get('/o/GM0599')).statusCode, 200);
    const [user] = await t.db.select().from(users).where(eq(users.email, 'anna@rotterdam.example'));
    assert.ok(user);
    assert.equal(user.passwordHash, null);
    const [member] = await t.db
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, user.id),
          eq(memberships.organisationId, await organisationId(t.db, 'GM0599')),
        ),
      );
    assert.equal(member?.role, 'editor');
    const again = await journey(new TestClient(t.app), 'anna@rotterdam.example');
    assert.equal(again.response.statusCode, 303, 'the second time the same account signs in');
    assert.equal(
      (await t.db.select().from(users).where(eq(users.email, 'anna@rotterdam.example'))).length,
      1,
    );
  });

  for (const [mode, problem, text] of [
    ['signature', 'signature', /geen geldige handtekening/],
    ['audience', 'claims', /niet voor Routekaart bedoeld/],
    ['expired', 'expired', /was verlopen/],
  ] as const) {
    it(`refuses an ID token with a ${mode === 'audience' ? 'wrong audience' : mode === 'signature' ? 'wrong signature' : 'past expiry'} with a clear page`, async () => {
      provider.tamper.mode = mode;
      try {
        const client = new TestClient(t.app);
        const { response } = await journey(client, `tamper-${mode}@rotterdam.example`);
        assert.equal(response.statusCode, 403);
        assert.match(response.body, new RegExp(`data-problem="${problem}"`));
        assert.match(response.body, text);
        assert.equal(
          response.cookies.find((c) => c.name === 'rk_session'),
          undefined,
        );
        const made = await t.db
          .select()
          .from(users)
          .where(eq(users.email, `tamper-${mode}@rotterdam.example`));
        assert.equal(made.length, 0, 'no account is made');
      } finally {
        provider.tamper.mode = undefined;
      }
    });
  }

  it('refuses a replayed state, and a callback this browser did not start', async () => {
    const client = new TestClient(t.app);
    const { callback, response } = await journey(client, 'bram@rotterdam.example');
    assert.equal(response.statusCode, 303);
    const replay = await client.get(callback.pathname + callback.search);
    assert.equal(replay.statusCode, 403);
    assert.match(replay.body, /data-problem="state"/);
    assert.match(replay.body, /al gebruikt/);
    const start = await new TestClient(t.app).post('/login/organisation', { email: 'cor@rotterdam.example' });
    const elsewhere = await provider.signIn(handOver(start.body), 'cor@rotterdam.example');
    const stranger = await new TestClient(t.app).get(elsewhere.pathname + elsewhere.search);
    assert.equal(stranger.statusCode, 403, 'login CSRF: the state cookie is missing');
  });

  it('asks an administrator to approve a new colleague when so configured', async () => {
    await admin.post(
      '/o/GM0599/sign-on',
      settings(provider.issuer, { newColleagues: 'approve', clientSecret: '' }),
    );
    const { response } = await journey(new TestClient(t.app), 'daan@rotterdam.example');
    assert.equal(response.statusCode, 202);
    assert.match(response.body, /moet uw account nog goedkeuren/);
    const page = await admin.get('/o/GM0599/sign-on');
    const id = /sign-on\/requests\/(\d+)/.exec(page.body)?.[1];
    assert.ok(id, 'the request is listed');
    const approved = await admin.post(`/o/GM0599/sign-on/requests/${id}`, { decision: 'approve' });
    assert.match(String(approved.headers.location), /notice=approved/);
    const client = new TestClient(t.app);
    assert.equal((await journey(client, 'daan@rotterdam.example')).response.statusCode, 303);
    assert.equal((await client.get('/o/GM0599')).statusCode, 200);
  });

  it('names an address without a configured provider in the form', async () => {
    const response = await new TestClient(t.app).post('/login/organisation', { email: 'eva@elders.example' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /geen inlogdienst van een organisatie ingesteld/);
    assert.match(response.body, /value="eva@elders\.example"/);
  });

  it('authenticates with private_key_jwt, publishing the public key for the provider', async () => {
    await admin.post(
      '/o/GM0599/sign-on',
      settings(provider.issuer, { authMethod: 'private_key_jwt', clientSecret: '' }),
    );
    const jwks = await new TestClient(t.app).get('/sso/GM0599/jwks.json');
    assert.equal(jwks.statusCode, 200);
    const keys = (JSON.parse(jwks.body) as { keys: { kty: string; d?: string }[] }).keys;
    assert.equal(keys[0]?.kty, 'EC');
    assert.equal(keys[0]?.d, undefined, 'only the public half');
    const strict = await startTestProvider({ clientId: 'routekaart', redirectUri, jwks: { keys } });
    try {
      await admin.post(
        '/o/GM0599/sign-on',
        settings(strict.issuer, { authMethod: 'private_key_jwt', clientSecret: '' }),
      );
      const client = new TestClient(t.app);
      const { response } = await journey(client, 'anna@rotterdam.example', strict);
      assert.equal(response.statusCode, 303);
      assert.equal((await client.get('/o/GM0599')).statusCode, 200);
    } finally {
      await strict.close();
    }
  });
});
