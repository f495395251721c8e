import type { FastifyRequest } from 'fastify';
import { safeNextPath } from './redirects.ts';

/** Where a user gives their password again before a sensitive action (the accounts slice serves it). */
export const confirmPasswordPath = '/account/confirm-password';

/**
 * Whether the request may go on under the recent-authentication rule: a route without the rule
 * always may; one with it only when the session's user signed in or confirmed their password
 * within `recentAuthenticationMinutes` (issue 15; ASVS 5 V7.5.3, re-authentication before
 * sensitive changes). Someone who leaves a signed-in browser behind cannot end the owner's
 * other sessions, hand out roles or make an API token with it.
 */
export function isRecentlyAuthenticated(request: FastifyRequest, now = Date.now()): boolean {
  if (!request.routeOptions.config.recentAuthentication) return true;
  const minutes = request.server.services.config.recentAuthenticationMinutes;
  return request.authenticatedAt !== null && now - request.authenticatedAt < minutes * 60_000;
}

/**
 * The confirm-password page, which returns the user to the page of the form afterwards: the form
 * is shown again and sent again by the user. A POST is never replayed on its own.
 */
export function confirmPasswordUrl(request: FastifyRequest): string {
  const template = request.routeOptions.config.recentAuthentication?.returnTo ?? '/dashboard';
  const params = (request.params ?? {}) as Record<string, unknown>;
  const path = template.replace(/:(\w+)/g, (_all, name: string) => {
    const value = params[name];
    return encodeURIComponent(typeof value === 'string' ? value : '');
  });
  return `${confirmPasswordPath}?next=${encodeURIComponent(safeNextPath(path))}`;
}
