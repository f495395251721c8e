import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { apiTokens, type ApiResource } from '../auth/auth.tables.ts';
import { createToken, hashToken } from '../auth/tokens.ts';
import { unauditedChanges, withAuditContext, type AuditContext } from '../db/audit-context.ts';
import { organisations } from '../db/core.tables.ts';
import { defaultLocale, isLocale } from '../i18n/i18n.ts';
import { hasRole } from './access.ts';
import { confirmPasswordUrl, isRecentlyAuthenticated } from './recent-authentication.ts';
import { forbidden, HttpError, notFound, unauthorized } from './errors.ts';

export const cookieNames = { session: 'rk_session', locale: 'rk_lang', csrf: 'rk_csrf' } as const;

function cookieOptions(app: FastifyInstance, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: app.services.config.isHttps,
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}

export function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(cookieNames.session, token, cookieOptions(reply.server));
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(cookieNames.session, cookieOptions(reply.server));
}

export function setLocaleCookie(reply: FastifyReply, locale: string): void {
  reply.setCookie(cookieNames.locale, locale, cookieOptions(reply.server, 365 * 24 * 3600));
}

function csrfTokenFor(secret: string, browserId: string, sessionId: string | null): string {
  return createHmac('sha256', secret)
    .update(`${browserId}:${sessionId ?? ''}`)
    .digest('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The audit context of each request while the coverage check is on (tests). */
const trackedContexts = new WeakMap<FastifyRequest, AuditContext>();

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Per request: the language, the signed-in user, the CSRF token; then, before the handler, the
 * route's access rule and (for forms) the CSRF check.
 */
export function registerRequestContext(app: FastifyInstance): void {
  app.decorateRequest('locale', defaultLocale);
  app.decorateRequest('user', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('authenticatedAt', null);
  app.decorateRequest('csrfToken', '');
  app.decorateRequest('organisation', null);
  app.decorateRequest('isApi', false);
  app.decorateRequest('apiTokenId', null);

  app.addHook('onRequest', async (request, reply) => {
    request.isApi = request.url.startsWith('/api/');
    const cookieLocale = request.cookies[cookieNames.locale];
    if (isLocale(cookieLocale)) request.locale = cookieLocale;
    if (request.isApi) return;

    const token = request.cookies[cookieNames.session];
    if (token) {
      const session = await app.services.sessions.load(
        app.services.database.db,
        token,
        app.services.config.sessionLifetimes,
      );
      if (session) {
        request.user = session.user;
        request.sessionId = session.sessionId;
        request.authenticatedAt = session.authenticatedAt;
      } else {
        clearSessionCookie(reply);
      }
    }
    let browserId = request.cookies[cookieNames.csrf];
    if (!browserId) {
      browserId = createToken();
      reply.setCookie(cookieNames.csrf, browserId, cookieOptions(app));
    }
    request.csrfToken = csrfTokenFor(app.services.secret, browserId, request.sessionId);
  });

  app.addHook('preValidation', async (request, reply) => {
    // An unmatched URL goes to the not-found handler, which needs no rule.
    if (request.is404) return;
    await checkAccess(request);
    if (!isRecentlyAuthenticated(request)) return reply.redirect(confirmPasswordUrl(request), 303);
  });

  // The handler runs inside this, so that audit entries know the client address (and for the API
  // the token) by themselves.
  app.addHook('preHandler', (request, _reply, done) => {
    const context: AuditContext = { address: request.ip, apiTokenId: request.apiTokenId };
    if (app.services.config.auditCoverageCheck) {
      context.changedTables = new Set();
      trackedContexts.set(request, context);
    }
    withAuditContext(context, done);
  });

  // Tests only: a request that changed data without an audit entry fails loudly. A refused
  // request (4xx, 5xx) is left out: it stores nothing, and a version conflict's update that
  // matched no row still reads as a change of the table.
  if (app.services.config.auditCoverageCheck)
    app.addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode >= 400) return payload;
      const tables = unauditedChanges(trackedContexts.get(request));
      if (tables.length === 0) return payload;
      const message = `Audit coverage: ${request.method} ${request.routeOptions.url ?? request.url} changed ${tables.join(', ')} without an audit entry (recordAudit)`;
      request.log.error({ tables }, message);
      console.error(message);
      reply.code(500).type('text/plain; charset=utf-8');
      return message;
    });

  // Private responses stay out of every cache: signed-in pages, exports, coordinator and API answers.
  app.addHook('onSend', async (request, reply, payload) => {
    if (isPrivateResponse(request)) reply.header('Cache-Control', 'no-store');
    return payload;
  });
}

/** The route's access rule, and for forms the CSRF check; throws when the request may not pass. */
async function checkAccess(request: FastifyRequest): Promise<void> {
  const rule = request.routeOptions.config.access;
  if (!rule) throw new HttpError(500, 'Route without access rule');
  if (!request.isApi && unsafeMethods.has(request.method)) checkCsrf(request);
  if (rule.kind === 'public') return;
  if (rule.kind === 'organisationApi') return resolveApiScope(request, rule.resource);
  if (!request.user) throw unauthorized();
  if (rule.kind === 'signedIn') return;
  if (rule.kind === 'platformAdmin') {
    if (!request.user.isPlatformAdmin) throw forbidden();
    return;
  }
  if (rule.kind === 'networkCoordinator') {
    const network = (request.params as Record<string, string | undefined>).network ?? '';
    if (!request.user.isPlatformAdmin && !request.user.coordinatorOf.includes(network)) throw forbidden();
    return;
  }
  await resolveOrganisationScope(request, rule.role);
}

/** Anything but a public route, and any answer to a signed-in visitor (it may show their name). */
export function isPrivateResponse(request: FastifyRequest): boolean {
  const rule = request.routeOptions.config.access;
  return (
    request.user !== null || request.sessionId !== null || (rule !== undefined && rule.kind !== 'public')
  );
}

function checkCsrf(request: FastifyRequest): void {
  const body = request.body as Record<string, unknown> | undefined;
  const sent = (typeof body?._csrf === 'string' && body._csrf) || request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !safeEqual(sent, request.csrfToken)) {
    throw new HttpError(403, undefined, { reason: 'csrf' });
  }
}

/**
 * A valid token of exactly the organisation in the URL: unrevoked, unexpired, reaching `resource`,
 * and read-write for a change. A reader acts as a viewer, a read-write token as an editor.
 */
async function resolveApiScope(request: FastifyRequest, resource: ApiResource): Promise<void> {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthorized();
  const { db } = request.server.services.database;
  const [token] = await db
    .select({
      id: apiTokens.id,
      organisationId: apiTokens.organisationId,
      lastUsedAt: apiTokens.lastUsedAt,
      access: apiTokens.access,
      resources: apiTokens.resources,
      isExpired: sql<boolean>`${apiTokens.expiresAt} <= now()`,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(match[1])), isNull(apiTokens.revokedAt)));
  if (!token || token.isExpired) throw unauthorized();
  const params = request.params as Record<string, string | undefined>;
  const [organisation] = await db
    .select()
    .from(organisations)
    .where(eq(organisations.code, (params.code ?? '').toUpperCase()));
  if (!organisation) throw notFound();
  if (organisation.id !== token.organisationId) throw forbidden();
  if (token.resources && !token.resources.includes(resource)) throw forbidden();
  const isChange = request.method !== 'GET' && request.method !== 'HEAD';
  if (isChange && token.access !== 'read-write') throw forbidden();
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 300_000) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(apiTokens.id, token.id));
  }
  request.organisation = { ...organisation, role: token.access === 'read-write' ? 'editor' : 'viewer' };
  request.apiTokenId = token.id;
}

async function resolveOrganisationScope(request: FastifyRequest, required: Parameters<typeof hasRole>[1]) {
  const user = request.user;
  const params = request.params as Record<string, string | undefined>;
  const code = params.code?.toUpperCase();
  if (!user || !code) throw notFound();
  // A member's organisation came with the session; only others need a look-up.
  const membership = user.memberships.find((m) => m.code === code);
  const organisation = membership
    ? { id: membership.organisationId, ...membership }
    : (
        await request.server.services.database.db
          .select()
          .from(organisations)
          .where(eq(organisations.code, code))
      )[0];
  if (!organisation) throw notFound();
  // The platform administrator manages every organisation, as its administrator.
  const role = user.isPlatformAdmin ? 'admin' : membership?.role;
  if (!role || !hasRole(role, required)) throw forbidden();
  request.organisation = {
    id: organisation.id,
    code: organisation.code,
    name: organisation.name,
    displayName: organisation.displayName,
    kind: organisation.kind,
    role,
  };
}
