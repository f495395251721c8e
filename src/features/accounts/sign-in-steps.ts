import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { secondFactorStatus } from '../../core/auth/second-factor.ts';
import { createSession, destroySession } from '../../core/auth/sessions.ts';
import { dbOf } from '../../core/http/context.ts';
import { safeNextPath } from '../../core/http/redirects.ts';
import { setSessionCookie } from '../../core/http/request-context.ts';
import { signInSucceeded } from './accounts.service.ts';

/**
 * Between a correct password (or an identity provider's answer) and a session, a user who has or
 * needs a second factor holds only a signed, short-lived cookie naming them: enough to enter a
 * code, not to see anything.
 */
const pendingCookie = 'rk_pending';
const pendingMinutes = 10;
export const secondFactorPath = '/sign-in/second-factor';

export interface PendingSignIn {
  userId: number;
  next: string;
}

function signature(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`pending-sign-in:${payload}`).digest('base64url');
}

function cookieOptions(request: FastifyRequest) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: request.server.services.config.isHttps,
  };
}

export function readPendingSignIn(request: FastifyRequest): PendingSignIn | undefined {
  const raw = request.cookies[pendingCookie];
  if (!raw) return undefined;
  const [userId, expires, next, sent] = raw.split('.');
  if (!userId || !expires || next === undefined || !sent) return undefined;
  const expected = Buffer.from(signature(request.server.services.secret, `${userId}.${expires}.${next}`));
  const given = Buffer.from(sent);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  if (Number(expires) < Date.now() || !/^\d+$/.test(userId)) return undefined;
  return { userId: Number(userId), next: safeNextPath(Buffer.from(next, 'base64url').toString('utf8')) };
}

export function clearPendingSignIn(reply: FastifyReply): void {
  reply.clearCookie(pendingCookie, cookieOptions(reply.request));
}

function setPendingSignIn(reply: FastifyReply, userId: number, next: string): void {
  const payload = `${userId}.${Date.now() + pendingMinutes * 60_000}.${Buffer.from(next).toString('base64url')}`;
  const value = `${payload}.${signature(reply.server.services.secret, payload)}`;
  reply.setCookie(pendingCookie, value, cookieOptions(reply.request));
}

/** The session itself: the last step of every way in. */
export async function openSession(request: FastifyRequest, reply: FastifyReply, userId: number) {
  const db = dbOf(request);
  if (request.sessionId) await destroySession(db, request.sessionId);
  await signInSucceeded(db, userId, request.ip);
  clearPendingSignIn(reply);
  const token = await createSession(db, userId, {
    lifetimes: request.server.services.config.sessionLifetimes,
    userAgent: request.headers['user-agent'] ?? '',
  });
  setSessionCookie(reply, token);
}

async function startSession(request: FastifyRequest, reply: FastifyReply, userId: number, next: string) {
  await openSession(request, reply, userId);
  return reply.redirect(next, 303);
}

/**
 * Once a user has proved who they are with a password or through their organisation's identity
 * provider: a session, or first the second-factor step (a code, or enrolment when it is required).
 */
export async function completeSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  userId: number,
  next: string,
) {
  const status = await secondFactorStatus(dbOf(request), userId);
  if (!status.isActive && !status.isRequired) return startSession(request, reply, userId, next);
  setPendingSignIn(reply, userId, safeNextPath(next));
  return reply.redirect(secondFactorPath, 303);
}
