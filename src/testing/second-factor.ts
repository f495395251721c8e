import { eq } from 'drizzle-orm';
import { generate, generateSecret } from 'otplib';
import { secondFactors } from '../core/auth/second-factor.tables.ts';
import { users } from '../core/auth/auth.tables.ts';
import type { Db } from '../core/db/database.ts';
import { openSecret, sealSecret } from '../core/db/secrets.ts';

const period = 30;
const stepNow = () => Math.floor(Date.now() / 1000 / period);

/** Links an authenticator app to a test user, as if they had enrolled; returns the seed. */
export async function enrolTestSecondFactor(
  db: Db,
  userId: number,
  secret = generateSecret(),
): Promise<string> {
  await db
    .insert(secondFactors)
    .values({ userId, secretSealed: await sealSecret(db, secret), confirmedAt: new Date() });
  return secret;
}

/** The code an authenticator app would show at this time step. */
export function codeAt(secret: string, step = stepNow()): Promise<string> {
  return generate({ secret, epoch: step * period });
}

/**
 * A code the platform will accept now for this user, and still in a minute: the app's code for the
 * current time step, or the first one after the last used. The platform accepts one step either
 * side, so the current step's code holds for 30 to 60 seconds; the previous step's code could run out
 * while a slow request is on its way (a sign-in on a loaded machine failed with 401 that way). A step
 * further ahead than the tolerance reaches is waited for.
 */
export async function nextCodeFor(db: Db, email: string): Promise<string> {
  const [row] = await db
    .select({ sealed: secondFactors.secretSealed, lastUsedStep: secondFactors.lastUsedStep })
    .from(secondFactors)
    .innerJoin(users, eq(users.id, secondFactors.userId))
    .where(eq(users.email, email.trim().toLowerCase()));
  if (!row) throw new Error(`${email} has no second factor`);
  const step = Math.max(stepNow(), row.lastUsedStep + 1);
  const waitMs = (step - 1) * period * 1000 - Date.now() + 100;
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  return codeAt(await openSecret(db, row.sealed), step);
}
