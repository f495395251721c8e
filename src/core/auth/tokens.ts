import { createHash, randomBytes } from 'node:crypto';

/** A random, unguessable token for a cookie or a one-time link. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the hash is stored, so that a copy of the database hands out no sessions or links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
