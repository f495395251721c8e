import { and, eq, sql } from 'drizzle-orm';
import * as oidc from 'openid-client';
import { memberships, users } from '../../core/auth/auth.tables.ts';
import { hashToken } from '../../core/auth/tokens.ts';
import { recordAudit } from '../../core/db/audit.ts';
import type { Db } from '../../core/db/database.ts';
import { openSecret } from '../../core/db/secrets.ts';
import { meetsAssurance } from './sign-on-assurance.ts';
import { consumeSignInRequest, findConnection, listMailDomains } from './sign-on.queries.ts';
import {
  oidcAccountRequests,
  oidcIdentities,
  oidcSignInRequests,
  type oidcConnections,
} from './sign-on.tables.ts';

type Connection = typeof oidcConnections.$inferSelect;

/** Plain http only for a provider on this machine (a test, a development setup); https otherwise. */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** The private key for private_key_jwt, as WebCrypto needs it (ES256). */
async function signingKey(db: Db, connection: Connection) {
  if (!connection.privateKeySealed) throw new Error('private_key_jwt without a key');
  const jwk = JSON.parse(await openSecret(db, connection.privateKeySealed)) as JsonWebKey & { kid: string };
  const key = await crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
  ]);
  return { key, kid: jwk.kid };
}

/** Whether the issuer publishes its metadata and names itself as configured (used when saving). */
export async function isIssuerReachable(issuer: URL): Promise<boolean> {
  try {
    await oidc.discovery(issuer, 'routekaart-check', undefined, oidc.None(), {
      execute: isLoopbackHttp(issuer) ? [oidc.allowInsecureRequests] : [],
      timeout: 10,
    });
    return true;
  } catch {
    return false;
  }
}

const configurations = new Map<string, { config: oidc.Configuration; until: number }>();

/** The provider's metadata and keys (discovery), kept ten minutes per version of the connection. */
async function configurationOf(db: Db, connection: Connection): Promise<oidc.Configuration> {
  const cacheKey = `${connection.organisationId}:${connection.updatedAt.getTime()}`;
  const cached = configurations.get(cacheKey);
  if (cached && cached.until > Date.now()) return cached.config;
  const auth =
    connection.authMethod === 'private_key_jwt'
      ? oidc.PrivateKeyJwt(await signingKey(db, connection))
      : oidc.ClientSecretBasic(await openSecret(db, connection.clientSecretSealed ?? ''));
  const issuer = new URL(connection.issuer);
  const config = await oidc.discovery(issuer, connection.clientId, undefined, auth, {
    // The ID token's signature is checked against the provider's keys even though it arrives over
    // TLS from the token endpoint (openid-client skips that check unless asked).
    execute: [
      oidc.enableNonRepudiationChecks,
      ...(isLoopbackHttp(issuer) ? [oidc.allowInsecureRequests] : []),
    ],
    timeout: 10,
  });
  configurations.set(cacheKey, { config, until: Date.now() + 600_000 });
  return config;
}

/** Starts a sign-in: a state, a nonce and a PKCE verifier (S256), kept ten minutes, used once. */
export async function startProviderSignIn(
  db: Db,
  input: { organisationId: number; redirectUri: string; next: string; loginHint?: string },
): Promise<{ url: string; state: string } | undefined> {
  const connection = await findConnection(db, input.organisationId);
  if (!connection) return undefined;
  const config = await configurationOf(db, connection);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  await db.insert(oidcSignInRequests).values({
    stateHash: hashToken(state),
    organisationId: input.organisationId,
    nonce,
    codeVerifier,
    next: input.next,
    expiresAt: sql`now() + interval '10 minutes'`,
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: input.redirectUri,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...(input.loginHint ? { login_hint: input.loginHint } : {}),
    // The organisation's required level of assurance; the answer's acr is checked at the callback.
    ...(connection.requiredAcr ? { acr_values: connection.requiredAcr } : {}),
  });
  return { url: url.href, state };
}

export type ProviderProblem =
  | 'state'
  | 'cancelled'
  | 'signature'
  | 'claims'
  | 'expired'
  | 'provider'
  | 'noEmail'
  | 'domain'
  | 'notMember'
  | 'existingAccount'
  /** The ID token's acr is missing or below the organisation's required level of assurance. */
  | 'assurance';

export type ProviderResult =
  | { ok: true; userId: number; next: string }
  | { ok: false; problem: 'pending'; organisationId: number }
  | { ok: false; problem: ProviderProblem };

/** Why openid-client refused the provider's answer, in the words the page uses. */
function problemOf(error: unknown): ProviderProblem {
  const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : '';
  // openid-client wraps oauth4webapi's error; the wrapped one says what failed.
  const cause = error instanceof Error ? error.cause : undefined;
  const message = `${error instanceof Error ? error.message : ''} ${cause instanceof Error ? cause.message : ''}`;
  if (code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED') return 'expired';
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED') return 'claims';
  if (/signature/i.test(message) || code === 'OAUTH_KEY_SELECTION_FAILED') return 'signature';
  if (code === 'OAUTH_AUTHORIZATION_RESPONSE_ERROR') return 'cancelled';
  return 'provider';
}

/**
 * The provider's answer at the callback: the state must be the one this browser started and
 * unused; the code is exchanged with the PKCE verifier; openid-client checks the ID token's
 * signature, iss, aud, exp and nonce. Then the account: by subject, or by a vouched-for address.
 */
export async function finishProviderSignIn(
  db: Db,
  callbackUrl: URL,
  browserState: string | undefined,
): Promise<ProviderResult> {
  const state = callbackUrl.searchParams.get('state');
  if (!state || state !== browserState) return { ok: false, problem: 'state' };
  const request = await consumeSignInRequest(db, hashToken(state));
  if (!request) return { ok: false, problem: 'state' };
  if (callbackUrl.searchParams.has('error')) return { ok: false, problem: 'cancelled' };
  const connection = await findConnection(db, request.organisationId);
  if (!connection) return { ok: false, problem: 'provider' };
  let claims: Record<string, unknown>;
  try {
    const config = await configurationOf(db, connection);
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: request.codeVerifier,
      expectedState: state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
    claims = { ...tokens.claims() };
    if (typeof claims.email !== 'string' && tokens.access_token) {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, String(claims.sub));
      claims = { ...info, ...claims };
    }
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
  if (!meetsAssurance(connection.requiredAcr, claims.acr)) return { ok: false, problem: 'assurance' };
  return accountFor(db, connection, claims, request.next);
}

async function accountFor(
  db: Db,
  connection: Connection,
  claims: Record<string, unknown>,
  next: string,
): Promise<ProviderResult> {
  const organisationId = connection.organisationId;
  const subject = String(claims.sub);
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!email || claims.email_verified === false) return { ok: false, problem: 'noEmail' };
  if (!(await listMailDomains(db, organisationId)).includes(email.split('@')[1] ?? ''))
    return { ok: false, problem: 'domain' };
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email;
  return db.transaction(async (tx): Promise<ProviderResult> => {
    const [identity] = await tx
      .select({ userId: oidcIdentities.userId })
      .from(oidcIdentities)
      .where(and(eq(oidcIdentities.organisationId, organisationId), eq(oidcIdentities.subject, subject)));
    const [existing] = await tx.select().from(users).where(eq(users.email, email));
    const userId = identity?.userId ?? existing?.id;
    if (userId !== undefined) {
      const [member] = await tx
        .select()
        .from(memberships)
        .where(and(eq(memberships.userId, userId), eq(memberships.organisationId, organisationId)));
      // An account the provider did not create is linked only when it is already a colleague here.
      if (!member) return { ok: false, problem: identity ? 'notMember' : 'existingAccount' };
      if (!identity) await tx.insert(oidcIdentities).values({ organisationId, subject, userId });
      await recordAudit(tx, {
        actorUserId: userId,
        organisationId,
        action: 'user.signed-in-through-provider',
      });
      return { ok: true, userId, next };
    }
    if (connection.newColleagues === 'approve') {
      await tx
        .insert(oidcAccountRequests)
        .values({ organisationId, subject, email, name })
        .onConflictDoUpdate({
          target: [oidcAccountRequests.organisationId, oidcAccountRequests.subject],
          set: { email, name },
        });
      await recordAudit(tx, {
        actorUserId: null,
        organisationId,
        action: 'user.provider-request-made',
        details: { email },
      });
      return { ok: false, problem: 'pending', organisationId };
    }
    const created = await createColleague(tx, {
      organisationId,
      subject,
      email,
      name,
      role: connection.defaultRole,
    });
    return { ok: true, userId: created, next };
  });
}

/** A new account (no password: it signs in through the provider) with the organisation's default role. */
export async function createColleague(
  tx: Db,
  input: {
    organisationId: number;
    subject: string;
    email: string;
    name: string;
    role: Connection['defaultRole'];
    actorUserId?: number;
  },
): Promise<number> {
  const [user] = await tx
    .insert(users)
    .values({ email: input.email, name: input.name, passwordHash: null })
    .returning({ id: users.id });
  if (!user) throw new Error('insert into users returned nothing');
  await tx
    .insert(memberships)
    .values({ userId: user.id, organisationId: input.organisationId, role: input.role });
  await tx
    .insert(oidcIdentities)
    .values({ organisationId: input.organisationId, subject: input.subject, userId: user.id });
  await recordAudit(tx, {
    actorUserId: input.actorUserId ?? user.id,
    organisationId: input.organisationId,
    action: 'user.created-through-provider',
    details: { userId: user.id, role: input.role },
  });
  return user.id;
}
