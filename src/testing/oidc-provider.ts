import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A real OpenID Connect provider (oidc-provider) on loopback, for tests and browser journeys: any
 * login name is accepted as the account, whose e-mail address it is. `tamper` makes the token
 * endpoint hand out an ID token that a careful relying party must refuse.
 */
export type Tamper = 'signature' | 'audience' | 'expired' | undefined;

export interface TestProvider {
  issuer: string;
  tamper: { mode: Tamper };
  /** The level of assurance the provider says the next sign-ins reached (the ID token's acr); none when unset. */
  acr: { value: string | undefined };
  /** Signs in at the provider from an authorisation URL; returns where the provider sends the browser. */
  signIn(authorisationUrl: string, email: string): Promise<URL>;
  close(): Promise<void>;
}

export interface TestClientRegistration {
  clientId: string;
  redirectUri: string;
  clientSecret?: string;
  /** The relying party's public keys, for private_key_jwt. */
  jwks?: { keys: object[] };
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function resign(idToken: string, key: KeyObject, change: (claims: Record<string, unknown>) => void): string {
  const [header, payload] = idToken.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  change(claims);
  const signingInput = `${header}.${b64(claims)}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(key).toString('base64url');
  return `${signingInput}.${signature}`;
}

export async function startTestProvider(client: TestClientRegistration): Promise<TestProvider> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const { privateKey: strangerKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        redirect_uris: [client.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        ...(client.jwks
          ? { token_endpoint_auth_method: 'private_key_jwt', jwks: client.jwks }
          : { token_endpoint_auth_method: 'client_secret_basic', client_secret: client.clientSecret ?? '' }),
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    conformIdTokenClaims: false,
    // The eIDAS levels of the NL GOV Assurance profile: the provider accepts acr_values with them.
    acrValues: [
      'http://eidas.europa.eu/LoA/low',
      'http://eidas.europa.eu/LoA/substantial',
      'http://eidas.europa.eu/LoA/high',
    ],
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, email: id, email_verified: true, name: id.split('@')[0] ?? id }),
    }),
    // No consent screen: the organisation's own provider has agreed to this client beforehand.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const clientId = ctx.oidc.client?.clientId ?? '';
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session?.accountId ?? '' });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const tamper: { mode: Tamper } = { mode: undefined };
  const acr: { value: string | undefined } = { value: undefined };
  // The login form's answer, with the level of assurance the login reached (the development
  // interactions of oidc-provider record none).
  provider.use(async (ctx, next) => {
    if (ctx.method !== 'POST' || !/^\/interaction\/[^/]+$/.test(ctx.path)) return next();
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.req) chunks.push(Buffer.from(chunk as Uint8Array));
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const accountId = form.get('login') ?? '';
    ctx.respond = false;
    await provider.interactionFinished(
      ctx.req,
      ctx.res,
      { login: { accountId, ...(acr.value ? { acr: acr.value } : {}) } },
      { mergeWithLastSubmission: false },
    );
  });
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as Record<string, unknown> | undefined;
    if (ctx.path !== '/token' || !tamper.mode || typeof body?.id_token !== 'string') return;
    const mode = tamper.mode;
    const key = mode === 'signature' ? strangerKey : privateKey;
    ctx.body = {
      ...body,
      id_token: resign(body.id_token, key, (claims) => {
        if (mode === 'audience') claims.aud = 'another-client';
        if (mode === 'expired') {
          claims.iat = Math.floor(Date.now() / 1000) - 7200;
          claims.exp = Math.floor(Date.now() / 1000) - 3600;
        }
      }),
    };
  });
  server.on('request', provider.callback());

  async function signIn(authorisationUrl: string, email: string): Promise<URL> {
    const cookies = new Map<string, string>();
    const call = async (url: string, body?: URLSearchParams) => {
      const response = await fetch(url, {
        method: body ? 'POST' : 'GET',
        redirect: 'manual',
        headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
        ...(body ? { body } : {}),
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [name, ...value] = (pair ?? '').split('=');
        if (name) cookies.set(name.trim(), value.join('='));
      }
      return response;
    };
    let url = authorisationUrl;
    for (let hop = 0; hop < 10; hop++) {
      const response = await call(url);
      const location = response.headers.get('location');
      if (!location) throw new Error(`the provider stopped at ${url} with ${response.status}`);
      const next = new URL(location, url);
      if (next.origin !== issuer) return next;
      if (/^\/interaction\/[^/]+$/.test(next.pathname)) {
        await call(next.href);
        const body = new URLSearchParams({ prompt: 'login', login: email, password: 'any' });
        const done = await call(next.href, body);
        url = new URL(done.headers.get('location') ?? '', next).href;
      } else {
        url = next.href;
      }
    }
    throw new Error('the provider kept redirecting');
  }

  return {
    issuer,
    tamper,
    acr,
    signIn,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
